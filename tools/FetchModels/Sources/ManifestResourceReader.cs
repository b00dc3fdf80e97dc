using System.Buffers.Binary;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace EdgeCloud.FetchModels.Sources;

/// <summary>
/// Reads an embedded manifest resource straight from an assembly file with System.Reflection.Metadata:
/// nothing is loaded into the runtime and no code of the assembly runs.
/// </summary>
internal static class ManifestResourceReader
{
    /// <summary>Opens the resource's bytes as a stream over the assembly file.</summary>
    public static Stream Open(string assemblyPath, string resourceName)
    {
        var file = new FileStream(assemblyPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        try
        {
            var start = FindResourceOffset(file, assemblyPath, resourceName);
            Span<byte> lengthPrefix = stackalloc byte[sizeof(int)];
            file.Position = start;
            file.ReadExactly(lengthPrefix);
            var length = BinaryPrimitives.ReadInt32LittleEndian(lengthPrefix);
            if (length < 0 || start + sizeof(int) + length > file.Length)
            {
                throw new FetchException($"Resource {resourceName} in {assemblyPath} is truncated (declared {length} bytes).");
            }

            return new BoundedReadStream(file, length);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private static long FindResourceOffset(FileStream file, string assemblyPath, string resourceName)
    {
        using var pe = new PEReader(file, PEStreamOptions.LeaveOpen);
        var headers = pe.PEHeaders;
        if (headers.CorHeader is null || !pe.HasMetadata)
        {
            throw new FetchException($"{assemblyPath} is not a .NET assembly.");
        }

        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            if (!metadata.StringComparer.Equals(resource.Name, resourceName))
            {
                continue;
            }

            if (!resource.Implementation.IsNil ||
                !headers.TryGetDirectoryOffset(headers.CorHeader.ResourcesDirectory, out var directoryOffset))
            {
                throw new FetchException($"Resource {resourceName} is not embedded in {assemblyPath}.");
            }

            return directoryOffset + resource.Offset;
        }

        var names = metadata.ManifestResources.Select(h => metadata.GetString(metadata.GetManifestResource(h).Name));
        throw new FetchException($"{assemblyPath} has no resource {resourceName}; it has: {string.Join(", ", names)}.");
    }
}
