using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EfficiencyDashboard.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReportIndexInputShapes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Runs_Status_ModelId_HardwareId_ExecutionProvider_BatchSize_Scenario_InputShapes",
                table: "Runs",
                columns: new[] { "Status", "ModelId", "HardwareId", "ExecutionProvider", "BatchSize", "Scenario", "InputShapes" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Runs_Status_ModelId_HardwareId_ExecutionProvider_BatchSize_Scenario_InputShapes",
                table: "Runs");
        }
    }
}
