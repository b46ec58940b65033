using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EfficiencyDashboard.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class MeasurementsAndHardware : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Runs_ModelId",
                table: "Runs");

            migrationBuilder.AddColumn<int>(
                name: "HardwareId",
                table: "Runs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "LatencyBoundMs",
                table: "Runs",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "StrictValidity",
                table: "Runs",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<double>(
                name: "TargetQps",
                table: "Runs",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "EnergyPerInferenceJ",
                table: "RunResults",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EnergyReason",
                table: "RunResults",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "EnergySource",
                table: "RunResults",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Gpu",
                table: "RunResults",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HeadlinePercentile",
                table: "RunResults",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "Histogram",
                table: "RunResults",
                type: "BLOB",
                nullable: false,
                defaultValue: new byte[0]);

            migrationBuilder.AddColumn<bool>(
                name: "IsValid",
                table: "RunResults",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<double>(
                name: "LatencyCv",
                table: "RunResults",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "LatencyP95Ms",
                table: "RunResults",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "LatencyP999Ms",
                table: "RunResults",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "LatencyStdDevMs",
                table: "RunResults",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "MeanGpuPowerW",
                table: "RunResults",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "MeanGpuUtilizationPercent",
                table: "RunResults",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NodePlacement",
                table: "RunResults",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PeakGpuMemoryBytes",
                table: "RunResults",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "ProcessCpuUtilization",
                table: "RunResults",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ProcessPeakRssBytes",
                table: "RunResults",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Server",
                table: "RunResults",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "TotalEnergyJ",
                table: "RunResults",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ValidityReasons",
                table: "RunResults",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "WarmupQueriesCompleted",
                table: "RunResults",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "Hardware",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Fingerprint = table.Column<string>(type: "TEXT", nullable: false),
                    MachineName = table.Column<string>(type: "TEXT", nullable: false),
                    CpuModel = table.Column<string>(type: "TEXT", nullable: false),
                    LogicalCores = table.Column<int>(type: "INTEGER", nullable: false),
                    MemoryBytes = table.Column<long>(type: "INTEGER", nullable: true),
                    GpuCount = table.Column<int>(type: "INTEGER", nullable: false),
                    GpuName = table.Column<string>(type: "TEXT", nullable: true),
                    GpuUuid = table.Column<string>(type: "TEXT", nullable: true),
                    GpuMemoryBytes = table.Column<long>(type: "INTEGER", nullable: true),
                    GpuDriverVersion = table.Column<string>(type: "TEXT", nullable: true),
                    GpuUnavailableReason = table.Column<string>(type: "TEXT", nullable: true),
                    ExecutionProviders = table.Column<string>(type: "TEXT", nullable: false),
                    AcceleratorName = table.Column<string>(type: "TEXT", nullable: true),
                    FirstSeenAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastSeenAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Hardware", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Runs_HardwareId",
                table: "Runs",
                column: "HardwareId");

            migrationBuilder.CreateIndex(
                name: "IX_Runs_ModelId_Status",
                table: "Runs",
                columns: new[] { "ModelId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_RunResults_MeasuredAtUtc",
                table: "RunResults",
                column: "MeasuredAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Hardware_Fingerprint",
                table: "Hardware",
                column: "Fingerprint",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Runs_Hardware_HardwareId",
                table: "Runs",
                column: "HardwareId",
                principalTable: "Hardware",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Runs_Hardware_HardwareId",
                table: "Runs");

            migrationBuilder.DropTable(
                name: "Hardware");

            migrationBuilder.DropIndex(
                name: "IX_Runs_HardwareId",
                table: "Runs");

            migrationBuilder.DropIndex(
                name: "IX_Runs_ModelId_Status",
                table: "Runs");

            migrationBuilder.DropIndex(
                name: "IX_RunResults_MeasuredAtUtc",
                table: "RunResults");

            migrationBuilder.DropColumn(
                name: "HardwareId",
                table: "Runs");

            migrationBuilder.DropColumn(
                name: "LatencyBoundMs",
                table: "Runs");

            migrationBuilder.DropColumn(
                name: "StrictValidity",
                table: "Runs");

            migrationBuilder.DropColumn(
                name: "TargetQps",
                table: "Runs");

            migrationBuilder.DropColumn(
                name: "EnergyPerInferenceJ",
                table: "RunResults");

            migrationBuilder.DropColumn(
                name: "EnergyReason",
                table: "RunResults");

            migrationBuilder.DropColumn(
                name: "EnergySource",
                table: "RunResults");

            migrationBuilder.DropColumn(
                name: "Gpu",
                table: "RunResults");

            migrationBuilder.DropColumn(
                name: "HeadlinePercentile",
                table: "RunResults");

            migrationBuilder.DropColumn(
                name: "Histogram",
                table: "RunResults");

            migrationBuilder.DropColumn(
                name: "IsValid",
                table: "RunResults");

            migrationBuilder.DropColumn(
                name: "LatencyCv",
                table: "RunResults");

            migrationBuilder.DropColumn(
                name: "LatencyP95Ms",
                table: "RunResults");

            migrationBuilder.DropColumn(
                name: "LatencyP999Ms",
                table: "RunResults");

            migrationBuilder.DropColumn(
                name: "LatencyStdDevMs",
                table: "RunResults");

            migrationBuilder.DropColumn(
                name: "MeanGpuPowerW",
                table: "RunResults");

            migrationBuilder.DropColumn(
                name: "MeanGpuUtilizationPercent",
                table: "RunResults");

            migrationBuilder.DropColumn(
                name: "NodePlacement",
                table: "RunResults");

            migrationBuilder.DropColumn(
                name: "PeakGpuMemoryBytes",
                table: "RunResults");

            migrationBuilder.DropColumn(
                name: "ProcessCpuUtilization",
                table: "RunResults");

            migrationBuilder.DropColumn(
                name: "ProcessPeakRssBytes",
                table: "RunResults");

            migrationBuilder.DropColumn(
                name: "Server",
                table: "RunResults");

            migrationBuilder.DropColumn(
                name: "TotalEnergyJ",
                table: "RunResults");

            migrationBuilder.DropColumn(
                name: "ValidityReasons",
                table: "RunResults");

            migrationBuilder.DropColumn(
                name: "WarmupQueriesCompleted",
                table: "RunResults");

            migrationBuilder.CreateIndex(
                name: "IX_Runs_ModelId",
                table: "Runs",
                column: "ModelId");
        }
    }
}
