using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EfficiencyDashboard.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReportAggregatesAndPublishedArchitectures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Architectures",
                table: "ReferenceDataVersions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "DailyBests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ModelId = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IsValid = table.Column<bool>(type: "INTEGER", nullable: false),
                    EnergySource = table.Column<string>(type: "TEXT", nullable: false),
                    SamplesPerJoule = table.Column<double>(type: "REAL", nullable: false),
                    RunId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DailyBests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReferenceArchitectures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ModelKey = table.Column<string>(type: "TEXT", nullable: false),
                    Architecture = table.Column<string>(type: "TEXT", nullable: false),
                    PublishedMonth = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Task = table.Column<string>(type: "TEXT", nullable: false),
                    QualityMetric = table.Column<string>(type: "TEXT", nullable: false),
                    Quality = table.Column<double>(type: "REAL", nullable: true),
                    QualitySource = table.Column<string>(type: "TEXT", nullable: false),
                    CpuInferenceSeconds = table.Column<double>(type: "REAL", nullable: true),
                    CpuInferenceSource = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferenceArchitectures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SettingAggregates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ModelId = table.Column<int>(type: "INTEGER", nullable: false),
                    HardwareId = table.Column<int>(type: "INTEGER", nullable: false),
                    Provider = table.Column<string>(type: "TEXT", nullable: false),
                    BatchSize = table.Column<int>(type: "INTEGER", nullable: false),
                    Scenario = table.Column<string>(type: "TEXT", nullable: false),
                    InputShapes = table.Column<string>(type: "TEXT", nullable: false),
                    IsValid = table.Column<bool>(type: "INTEGER", nullable: false),
                    Runs = table.Column<int>(type: "INTEGER", nullable: false),
                    SumLogThroughput = table.Column<double>(type: "REAL", nullable: false),
                    SumSquaredLogThroughput = table.Column<double>(type: "REAL", nullable: false),
                    MaxThroughputPerSecond = table.Column<double>(type: "REAL", nullable: false),
                    MaxThroughputRunId = table.Column<long>(type: "INTEGER", nullable: false),
                    EnergyRuns = table.Column<int>(type: "INTEGER", nullable: false),
                    SumLogSamplesPerJoule = table.Column<double>(type: "REAL", nullable: false),
                    SumSquaredLogSamplesPerJoule = table.Column<double>(type: "REAL", nullable: false),
                    MaxSamplesPerJoule = table.Column<double>(type: "REAL", nullable: true),
                    MaxSamplesPerJouleRunId = table.Column<long>(type: "INTEGER", nullable: true),
                    EnergySource = table.Column<string>(type: "TEXT", nullable: false),
                    FirstMeasuredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastMeasuredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastRunId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SettingAggregates", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RunResults_LatencyP50Ms_RunId",
                table: "RunResults",
                columns: new[] { "LatencyP50Ms", "RunId" });

            migrationBuilder.CreateIndex(
                name: "IX_RunResults_ThroughputPerSecond_RunId",
                table: "RunResults",
                columns: new[] { "ThroughputPerSecond", "RunId" });

            migrationBuilder.CreateIndex(
                name: "IX_DailyBests_ModelId_Day_IsValid_EnergySource",
                table: "DailyBests",
                columns: new[] { "ModelId", "Day", "IsValid", "EnergySource" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReferenceArchitectures_ModelKey",
                table: "ReferenceArchitectures",
                column: "ModelKey");

            migrationBuilder.CreateIndex(
                name: "IX_SettingAggregates_ModelId_HardwareId_Provider_BatchSize_Scenario_InputShapes_IsValid",
                table: "SettingAggregates",
                columns: new[] { "ModelId", "HardwareId", "Provider", "BatchSize", "Scenario", "InputShapes", "IsValid" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DailyBests");

            migrationBuilder.DropTable(
                name: "ReferenceArchitectures");

            migrationBuilder.DropTable(
                name: "SettingAggregates");

            migrationBuilder.DropIndex(
                name: "IX_RunResults_LatencyP50Ms_RunId",
                table: "RunResults");

            migrationBuilder.DropIndex(
                name: "IX_RunResults_ThroughputPerSecond_RunId",
                table: "RunResults");

            migrationBuilder.DropColumn(
                name: "Architectures",
                table: "ReferenceDataVersions");
        }
    }
}
