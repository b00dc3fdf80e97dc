using EdgeCloud.QuantBench;

return args switch
{
    ["quantize", .. var rest] => await QuantizeBench.RunAsync(QuantBenchOptions.Parse(rest)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: EdgeCloud.QuantBench quantize [options]");
    Console.Error.WriteLine("  fp32 vs int8 (and fp16) variants: sizes, accuracy, CPU latency at 1 thread, agent RSS");
    Console.Error.WriteLine();
    Console.Error.WriteLine(QuantBenchOptions.Help);
    return 2;
}
