using System.Security.Cryptography;
using System.Text;
using CsvHelper;

namespace EfficiencyDashboard.Core.ReferenceData;

/// <summary>
/// The public reference data shipped under <c>data/reference</c>: accelerator datasheets, MLPerf Inference results,
/// MLPerf power results and the published facts of the catalog's architectures, each row keeping every source column.
/// </summary>
/// <param name="Accelerators">From <c>accelerators.csv</c>.</param>
/// <param name="MlperfResults">From <c>mlperf-inference-results.csv</c>.</param>
/// <param name="MlperfPowerResults">From <c>mlperf-inference-power.csv</c>.</param>
/// <param name="ContentVersion">
/// Lower-case hex SHA-256 over the files (for each, in the order of the file names below: its name, a zero byte, its bytes).
/// The same files give the same version, so a load into the database can skip a version it already holds.
/// </param>
public sealed record ReferenceDataSet(
    AcceleratorCatalog Accelerators,
    IReadOnlyList<MlperfResult> MlperfResults,
    IReadOnlyList<MlperfPowerResult> MlperfPowerResults,
    string ContentVersion)
{
    /// <summary>The accelerator datasheet file.</summary>
    public const string AcceleratorsFile = "accelerators.csv";

    /// <summary>The MLPerf Inference performance results file.</summary>
    public const string MlperfResultsFile = "mlperf-inference-results.csv";

    /// <summary>The MLPerf Inference power results file.</summary>
    public const string MlperfPowerFile = "mlperf-inference-power.csv";

    /// <summary>The published quality and dates of the catalog's architectures.</summary>
    public const string ArchitecturesFile = "architectures.csv";

    /// <summary>From <c>architectures.csv</c>: one row per built-in model.</summary>
    public IReadOnlyList<PublishedArchitecture> Architectures { get; init; } = [];

    private static readonly CsvReaderOptions Options = new()
    {
        Separator = ',',
        TrackLineNumbers = true,
        FieldCountMismatch = CsvFieldCountHandling.Throw,
        MalformedData = CsvMalformedDataHandling.Throw,
    };

    /// <summary>Reads and checks the files of <paramref name="directory"/>.</summary>
    /// <exception cref="ReferenceDataException">A file is missing, or a row is malformed or has a bad value.</exception>
    public static ReferenceDataSet Load(string directory)
    {
        var files = new[] { AcceleratorsFile, MlperfResultsFile, MlperfPowerFile, ArchitecturesFile }
            .Select(name => (name, bytes: ReadFile(directory, name)))
            .ToList();

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, bytes) in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(name));
            hash.AppendData([0]);
            hash.AppendData(bytes);
        }

        return new ReferenceDataSet(
            new AcceleratorCatalog(Parse(files[0].name, files[0].bytes, AcceleratorSpec.Columns, AcceleratorSpec.Read)),
            Parse(files[1].name, files[1].bytes, MlperfResult.Columns, MlperfResult.Read),
            Parse(files[2].name, files[2].bytes, MlperfPowerResult.Columns, MlperfPowerResult.Read),
            Convert.ToHexStringLower(hash.GetHashAndReset()))
        {
            Architectures = Parse(files[3].name, files[3].bytes, PublishedArchitecture.Columns, PublishedArchitecture.Read),
        };
    }

    /// <summary>Parses one reference file from its bytes, checking its header first.</summary>
    internal static IReadOnlyList<T> Parse<T>(string fileName, byte[] content, IReadOnlyList<string> columns, Func<ReferenceCsvRow, T> read)
    {
        using var reader = CsvReader.Create(new MemoryStream(content), Options, leaveOpen: false);
        var row = new ReferenceCsvRow(reader, fileName);
        var records = new List<T>();
        try
        {
            row.RequireColumns(columns);
            while (reader.Read())
            {
                records.Add(read(row));
            }
        }
        catch (CsvFormatException e)
        {
            // The reader's own message says what is malformed; the file name is what it cannot know.
            throw new ReferenceDataException(fileName, e.LineNumber, null, e.Message, e);
        }

        return records;
    }

    private static byte[] ReadFile(string directory, string name)
    {
        var path = Path.Combine(directory, name);
        return File.Exists(path) ? File.ReadAllBytes(path) : throw new ReferenceDataException(name, 0, null, $"not found in {directory}.");
    }
}
