using System;
using EfficiencyDashboard.Core.Measurements;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EfficiencyDashboard.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReferenceData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReferenceAccelerators",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Accelerator = table.Column<string>(type: "TEXT", nullable: false),
                    Vendor = table.Column<string>(type: "TEXT", nullable: false),
                    Architecture = table.Column<string>(type: "TEXT", nullable: false),
                    AnnouncedMonth = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Fp32Tflops = table.Column<double>(type: "REAL", nullable: true),
                    Fp16TensorTflopsDense = table.Column<double>(type: "REAL", nullable: true),
                    Int8TopsDense = table.Column<double>(type: "REAL", nullable: true),
                    Fp8TflopsDense = table.Column<double>(type: "REAL", nullable: true),
                    MemoryGb = table.Column<double>(type: "REAL", nullable: true),
                    MemoryBandwidthTbs = table.Column<double>(type: "REAL", nullable: true),
                    TdpWatts = table.Column<double>(type: "REAL", nullable: true),
                    Check = table.Column<string>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferenceAccelerators", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReferenceDataVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContentVersion = table.Column<string>(type: "TEXT", nullable: false),
                    LoadedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Accelerators = table.Column<int>(type: "INTEGER", nullable: false),
                    MlperfResults = table.Column<int>(type: "INTEGER", nullable: false),
                    MlperfPowerResults = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferenceDataVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReferenceMlperfPower",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Round = table.Column<string>(type: "TEXT", nullable: false),
                    Published = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Submitter = table.Column<string>(type: "TEXT", nullable: false),
                    SystemId = table.Column<string>(type: "TEXT", nullable: false),
                    Accelerator = table.Column<string>(type: "TEXT", nullable: false),
                    AcceleratorsPerNode = table.Column<int>(type: "INTEGER", nullable: true),
                    SystemType = table.Column<string>(type: "TEXT", nullable: false),
                    Availability = table.Column<string>(type: "TEXT", nullable: false),
                    Benchmark = table.Column<string>(type: "TEXT", nullable: false),
                    OfflineThroughputPerSecond = table.Column<double>(type: "REAL", nullable: false),
                    AverageSystemWatts = table.Column<double>(type: "REAL", nullable: false),
                    SamplesPerJoule = table.Column<double>(type: "REAL", nullable: false),
                    PowerSamples = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferenceMlperfPower", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReferenceMlperfResults",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Round = table.Column<string>(type: "TEXT", nullable: false),
                    Published = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Division = table.Column<string>(type: "TEXT", nullable: false),
                    Submitter = table.Column<string>(type: "TEXT", nullable: false),
                    SystemId = table.Column<string>(type: "TEXT", nullable: false),
                    SystemName = table.Column<string>(type: "TEXT", nullable: false),
                    Accelerator = table.Column<string>(type: "TEXT", nullable: false),
                    AcceleratorsPerNode = table.Column<int>(type: "INTEGER", nullable: true),
                    Nodes = table.Column<int>(type: "INTEGER", nullable: false),
                    SystemType = table.Column<string>(type: "TEXT", nullable: false),
                    Availability = table.Column<string>(type: "TEXT", nullable: false),
                    Benchmark = table.Column<string>(type: "TEXT", nullable: false),
                    Scenario = table.Column<string>(type: "TEXT", nullable: false),
                    Result = table.Column<double>(type: "REAL", nullable: true),
                    Unit = table.Column<string>(type: "TEXT", nullable: false),
                    Validity = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferenceMlperfResults", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReferenceMlperfResults_Benchmark_Scenario_Published",
                table: "ReferenceMlperfResults",
                columns: new[] { "Benchmark", "Scenario", "Published" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReferenceAccelerators");

            migrationBuilder.DropTable(
                name: "ReferenceDataVersions");

            migrationBuilder.DropTable(
                name: "ReferenceMlperfPower");

            migrationBuilder.DropTable(
                name: "ReferenceMlperfResults");
        }
    }
}
