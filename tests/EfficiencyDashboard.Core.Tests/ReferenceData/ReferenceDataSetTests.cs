using EfficiencyDashboard.Core.Measurements;
using EfficiencyDashboard.Core.ReferenceData;

namespace EfficiencyDashboard.Core.Tests.Reference;

public sealed class ReferenceDataSetTests : IDisposable
{
    private readonly string scratch = Path.Combine(Path.GetTempPath(), "reference-" + Guid.NewGuid().ToString("N"));

    public ReferenceDataSetTests()
    {
        Directory.CreateDirectory(scratch);
        foreach (var file in Directory.GetFiles(ShippedReferenceData.Directory, "*.csv"))
        {
            File.Copy(file, Path.Combine(scratch, Path.GetFileName(file)));
        }
    }

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Theory]
    [InlineData(ReferenceDataSet.AcceleratorsFile)]
    [InlineData(ReferenceDataSet.MlperfResultsFile)]
    [InlineData(ReferenceDataSet.MlperfPowerFile)]
    public void Every_row_of_the_shipped_files_is_read(string file)
    {
        var data = ShippedReferenceData.Data;
        var dataLines = File.ReadLines(Path.Combine(ShippedReferenceData.Directory, file)).Count(l => l.Length > 0) - 1;

        var rows = file switch
        {
            ReferenceDataSet.AcceleratorsFile => data.Accelerators.Accelerators.Count,
            ReferenceDataSet.MlperfResultsFile => data.MlperfResults.Count,
            _ => data.MlperfPowerResults.Count,
        };

        Assert.True(dataLines > 10);
        Assert.Equal(dataLines, rows);
    }

    [Fact]
    public void A_datasheet_row_keeps_its_values()
    {
        var a100 = Assert.Single(ShippedReferenceData.Data.Accelerators.Accelerators, a => a.Accelerator == "NVIDIA A100-SXM4-40GB");

        Assert.Equal(("NVIDIA", "Ampere", "2020-05"), (a100.Vendor, a100.Architecture, a100.Announced));
        Assert.Equal(new DateOnly(2020, 5, 1), a100.AnnouncedMonth);
        Assert.Equal(19.5, a100.Fp32Tflops);
        Assert.Equal(312, a100.Fp16TensorTflopsDense);
        Assert.Equal(624, a100.Int8TopsDense);
        Assert.Null(a100.Fp8TflopsDense);
        Assert.Equal((40, 1.555, 400), (a100.MemoryGb!.Value, a100.MemoryBandwidthTbs!.Value, a100.TdpWatts!.Value));
        Assert.Equal(DatasheetCheck.Checked, a100.Check);
        Assert.Equal("NVIDIA A100 datasheet", a100.Source);
        Assert.Equal(DatasheetCheck.PartlyChecked, ShippedReferenceData.Data.Accelerators.Find("NVIDIA H200-SXM-141GB")!.Check);
    }

    [Fact]
    public void An_mlperf_row_keeps_its_values_and_gives_a_per_accelerator_figure()
    {
        var row = ShippedReferenceData.Data.MlperfResults[1];

        Assert.Equal(("v1.0", new DateOnly(2021, 4, 21), "closed", "Alibaba", "A10x2_TRT"), (row.Round, row.Published, row.Division, row.Submitter, row.SystemId));
        Assert.Equal("Alibaba Cloud Sinian Platform A10 (2x A10)", row.SystemName);
        Assert.Equal(("NVIDIA A10", 2, 1), (row.Accelerator, row.AcceleratorsPerNode!.Value, row.Nodes));
        Assert.Equal(("datacenter", "Preview", "resnet50", "Offline"), (row.SystemType, row.Availability, row.Benchmark, row.Scenario));
        Assert.Equal((27489.7, "Samples per second", "VALID"), (row.Result!.Value, row.Unit, row.Validity));
        Assert.Equal(2, row.AcceleratorCount);
        Assert.Equal(13744.85, row.ResultPerAccelerator!.Value, 9);
    }

    [Fact]
    public void Quoted_fields_multi_node_systems_and_cpu_only_systems_read_correctly()
    {
        var results = ShippedReferenceData.Data.MlperfResults;

        Assert.Contains(results, r => r.SystemName == "Fujitsu PRIMERGY RX2540 m5 (2x A100-PCIe, TensorRT)");
        var multiNode = results.First(r => r.Nodes > 1 && r.Result is not null && r.AcceleratorsPerNode > 0);
        Assert.Equal(multiNode.Result / (multiNode.AcceleratorsPerNode * multiNode.Nodes), multiNode.ResultPerAccelerator);
        var cpuOnly = results.First(r => r.Accelerator == "N/A");
        Assert.Null(cpuOnly.ResultPerAccelerator);
        Assert.Contains(results, r => r.Result is null && r.Unit == "");
    }

    [Fact]
    public void A_power_row_keeps_its_values()
    {
        var row = ShippedReferenceData.Data.MlperfPowerResults[0];

        Assert.Equal(("v1.0", "DellEMC", "R7525_A100_PCIe-40GBx3_TRT", "NVIDIA A100-PCIe-40GB", 3), (row.Round, row.Submitter, row.SystemId, row.Accelerator, row.AcceleratorsPerNode!.Value));
        Assert.Equal((93371.4, 1101.3, 84.784, 868), (row.OfflineThroughputPerSecond, row.AverageSystemWatts, row.SamplesPerJoule, row.PowerSamples));
        Assert.Equal(93371.4 / 3, row.OfflineThroughputPerAccelerator!.Value, 9);
    }

    [Fact]
    public void The_content_version_is_the_same_for_the_same_files_and_changes_with_them()
    {
        var shipped = ShippedReferenceData.Data.ContentVersion;
        Assert.Matches("^[0-9a-f]{64}$", shipped);
        Assert.Equal(shipped, ReferenceDataSet.Load(scratch).ContentVersion);

        File.AppendAllText(Path.Combine(scratch, ReferenceDataSet.AcceleratorsFile), "Acme X1,Acme,Road,2026-01,1,2,,,8,0.1,50,no,test row\n");

        var changed = ReferenceDataSet.Load(scratch);
        Assert.NotEqual(shipped, changed.ContentVersion);
        Assert.Equal(ShippedReferenceData.Data.Accelerators.Accelerators.Count + 1, changed.Accelerators.Accelerators.Count);
    }

    [Fact]
    public void A_bad_value_names_the_file_line_and_column()
    {
        var path = Path.Combine(scratch, ReferenceDataSet.MlperfResultsFile);
        var lines = File.ReadAllLines(path);
        lines[2] = lines[2].Replace(",27489.7,", ",lots,");
        File.WriteAllLines(path, lines);

        var error = Assert.Throws<ReferenceDataException>(() => ReferenceDataSet.Load(scratch));

        Assert.Equal((ReferenceDataSet.MlperfResultsFile, 3L, "result"), (error.FileName, error.LineNumber, error.Column));
        Assert.Equal("mlperf-inference-results.csv, line 3, column 'result': 'lots' is not a number.", error.Message);
    }

    [Fact]
    public void A_row_with_a_missing_field_names_the_file_and_line()
    {
        var path = Path.Combine(scratch, ReferenceDataSet.MlperfPowerFile);
        var lines = File.ReadAllLines(path);
        lines[4] = lines[4][..lines[4].LastIndexOf(',')];
        File.WriteAllLines(path, lines);

        var error = Assert.Throws<ReferenceDataException>(() => ReferenceDataSet.Load(scratch));

        Assert.Equal((ReferenceDataSet.MlperfPowerFile, 5L), (error.FileName, error.LineNumber));
        Assert.StartsWith("mlperf-inference-power.csv, line 5", error.Message);
    }

    [Fact]
    public void A_bad_month_and_a_missing_column_are_named()
    {
        var path = Path.Combine(scratch, ReferenceDataSet.AcceleratorsFile);
        var lines = File.ReadAllLines(path);
        lines[3] = lines[3].Replace(",2017-06,", ",June 2017,");
        File.WriteAllLines(path, lines);

        var badMonth = Assert.Throws<ReferenceDataException>(() => ReferenceDataSet.Load(scratch));
        Assert.Equal("accelerators.csv, line 4, column 'announced': 'June 2017' is not a month (yyyy-MM).", badMonth.Message);

        lines[0] = lines[0].Replace(",tdp_watts,", ",tdp,");
        File.WriteAllLines(path, lines);
        var missingColumn = Assert.Throws<ReferenceDataException>(() => ReferenceDataSet.Load(scratch));
        Assert.Equal((1L, "tdp_watts"), (missingColumn.LineNumber, missingColumn.Column));
    }
}
