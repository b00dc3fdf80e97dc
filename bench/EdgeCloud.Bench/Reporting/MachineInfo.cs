using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;

namespace EdgeCloud.Bench.Reporting;

/// <summary>What the numbers were measured on: CPU, cores, memory, how idle CPUs wait, OS, .NET and ONNX Runtime.</summary>
internal sealed record MachineInfo(int ProcessorCount, string CpuModel, double MemoryGiB, string CpuIdle, string Os, string Runtime, string OrtVersion)
{
    public static MachineInfo Read() => new(
        Environment.ProcessorCount,
        ReadCpuModel(),
        ReadMemoryGiB(),
        ReadCpuIdle(),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        OrtEnv.Instance().GetVersionString());

    public string Describe() =>
        $"{ProcessorCount} logical CPUs (nproc), {CpuModel}, {MemoryGiB:0.#} GiB RAM; {CpuIdle}; {Os}; {Runtime}; ONNX Runtime {OrtVersion} (CPU execution provider)";

    private static string ReadCpuModel()
    {
        const string Key = "model name";
        var models = ProcLines("/proc/cpuinfo")
            .Where(l => l.StartsWith(Key, StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim())
            .ToList();
        return models.Count == 0 ? RuntimeInformation.ProcessArchitecture.ToString() : $"{models[0]} ×{models.Count}";
    }

    private static double ReadMemoryGiB()
    {
        var line = ProcLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        var kib = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, var value, ..]
            ? double.Parse(value, CultureInfo.InvariantCulture)
            : 0;
        return kib / (1024 * 1024);
    }

    /// <summary>
    /// The cpuidle driver, and with haltpoll (a KVM guest) how long an idle vCPU polls before halting: at 0 it
    /// halts at once and the next request pays the wake-up (docs/benchmarks.md, "Hub overhead").
    /// </summary>
    private static string ReadCpuIdle()
    {
        var driver = ReadFirstLine("/sys/devices/system/cpu/cpuidle/current_driver") ?? "unknown";
        return ReadFirstLine("/sys/module/haltpoll/parameters/guest_halt_poll_ns") is { } pollNs
            ? $"cpuidle {driver}, guest_halt_poll_ns {pollNs}"
            : $"cpuidle {driver}";
    }

    private static string? ReadFirstLine(string path) => File.Exists(path) ? File.ReadLines(path).FirstOrDefault()?.Trim() : null;

    private static IEnumerable<string> ProcLines(string path) => File.Exists(path) ? File.ReadLines(path) : [];
}
