using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EfficiencyDashboard.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReportIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Runs_Status_HardwareId_ExecutionProvider_ModelId_BatchSize_Scenario_CreatedAtUtc",
                table: "Runs",
                columns: new[] { "Status", "HardwareId", "ExecutionProvider", "ModelId", "BatchSize", "Scenario", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Runs_Status_ModelId_HardwareId_ExecutionProvider_BatchSize_Scenario",
                table: "Runs",
                columns: new[] { "Status", "ModelId", "HardwareId", "ExecutionProvider", "BatchSize", "Scenario" });

            migrationBuilder.CreateIndex(
                name: "IX_RunResults_RunId_ActualExecutionProvider_ThroughputPerSecond_EnergyPerInferenceJ_IsValid_MeasuredAtUtc",
                table: "RunResults",
                columns: new[] { "RunId", "ActualExecutionProvider", "ThroughputPerSecond", "EnergyPerInferenceJ", "IsValid", "MeasuredAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Runs_Status_HardwareId_ExecutionProvider_ModelId_BatchSize_Scenario_CreatedAtUtc",
                table: "Runs");

            migrationBuilder.DropIndex(
                name: "IX_Runs_Status_ModelId_HardwareId_ExecutionProvider_BatchSize_Scenario",
                table: "Runs");

            migrationBuilder.DropIndex(
                name: "IX_RunResults_RunId_ActualExecutionProvider_ThroughputPerSecond_EnergyPerInferenceJ_IsValid_MeasuredAtUtc",
                table: "RunResults");
        }
    }
}
