using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EfficiencyDashboard.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Models",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Family = table.Column<string>(type: "TEXT", nullable: false),
                    Task = table.Column<string>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    Provenance = table.Column<string>(type: "TEXT", nullable: false),
                    FilePath = table.Column<string>(type: "TEXT", nullable: false),
                    FileSizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    ParameterCount = table.Column<long>(type: "INTEGER", nullable: false),
                    Inputs = table.Column<string>(type: "TEXT", nullable: false),
                    Outputs = table.Column<string>(type: "TEXT", nullable: false),
                    AddedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Models", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Runs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ModelId = table.Column<int>(type: "INTEGER", nullable: false),
                    ExecutionProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Scenario = table.Column<string>(type: "TEXT", nullable: false),
                    BatchSize = table.Column<int>(type: "INTEGER", nullable: false),
                    DurationSeconds = table.Column<double>(type: "REAL", nullable: false),
                    MinQueries = table.Column<int>(type: "INTEGER", nullable: false),
                    WarmupQueries = table.Column<int>(type: "INTEGER", nullable: false),
                    AllowCpuFallback = table.Column<bool>(type: "INTEGER", nullable: false),
                    InputShapes = table.Column<string>(type: "TEXT", nullable: false),
                    Device = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    Progress = table.Column<double>(type: "REAL", nullable: false),
                    Error = table.Column<string>(type: "TEXT", nullable: true),
                    CancelRequested = table.Column<bool>(type: "INTEGER", nullable: false),
                    ExecutedBy = table.Column<string>(type: "TEXT", nullable: true),
                    JobId = table.Column<string>(type: "TEXT", nullable: true),
                    RequeuedFromRunId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Runs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Runs_Models_ModelId",
                        column: x => x.ModelId,
                        principalTable: "Models",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LatencySamples",
                columns: table => new
                {
                    RunId = table.Column<long>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    StartOffsetMs = table.Column<double>(type: "REAL", nullable: false),
                    LatencyMs = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LatencySamples", x => new { x.RunId, x.Sequence });
                    table.ForeignKey(
                        name: "FK_LatencySamples_Runs_RunId",
                        column: x => x.RunId,
                        principalTable: "Runs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RunResults",
                columns: table => new
                {
                    RunId = table.Column<long>(type: "INTEGER", nullable: false),
                    LatencyP50Ms = table.Column<double>(type: "REAL", nullable: false),
                    LatencyP90Ms = table.Column<double>(type: "REAL", nullable: false),
                    LatencyP99Ms = table.Column<double>(type: "REAL", nullable: false),
                    LatencyMeanMs = table.Column<double>(type: "REAL", nullable: false),
                    LatencyMinMs = table.Column<double>(type: "REAL", nullable: false),
                    LatencyMaxMs = table.Column<double>(type: "REAL", nullable: false),
                    QueryCount = table.Column<int>(type: "INTEGER", nullable: false),
                    SampleCount = table.Column<long>(type: "INTEGER", nullable: false),
                    MeasuredSeconds = table.Column<double>(type: "REAL", nullable: false),
                    ThroughputPerSecond = table.Column<double>(type: "REAL", nullable: false),
                    ActualExecutionProvider = table.Column<string>(type: "TEXT", nullable: false),
                    FallbackReason = table.Column<string>(type: "TEXT", nullable: true),
                    OnnxRuntimeVersion = table.Column<string>(type: "TEXT", nullable: false),
                    IntraOpThreads = table.Column<int>(type: "INTEGER", nullable: false),
                    MachineName = table.Column<string>(type: "TEXT", nullable: false),
                    CpuModel = table.Column<string>(type: "TEXT", nullable: false),
                    LogicalCores = table.Column<int>(type: "INTEGER", nullable: false),
                    OperatingSystem = table.Column<string>(type: "TEXT", nullable: false),
                    RuntimeVersion = table.Column<string>(type: "TEXT", nullable: false),
                    MeasuredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RunResults", x => x.RunId);
                    table.ForeignKey(
                        name: "FK_RunResults_Runs_RunId",
                        column: x => x.RunId,
                        principalTable: "Runs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Models_Key",
                table: "Models",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Runs_CreatedAtUtc",
                table: "Runs",
                column: "CreatedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Runs_ModelId",
                table: "Runs",
                column: "ModelId");

            migrationBuilder.CreateIndex(
                name: "IX_Runs_Status",
                table: "Runs",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LatencySamples");

            migrationBuilder.DropTable(
                name: "RunResults");

            migrationBuilder.DropTable(
                name: "Runs");

            migrationBuilder.DropTable(
                name: "Models");
        }
    }
}
