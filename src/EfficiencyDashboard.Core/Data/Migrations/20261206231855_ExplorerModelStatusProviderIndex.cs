using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EfficiencyDashboard.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ExplorerModelStatusProviderIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Runs_ModelId_Status",
                table: "Runs");

            migrationBuilder.CreateIndex(
                name: "IX_Runs_ModelId_Status_ExecutionProvider",
                table: "Runs",
                columns: new[] { "ModelId", "Status", "ExecutionProvider" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Runs_ModelId_Status_ExecutionProvider",
                table: "Runs");

            migrationBuilder.CreateIndex(
                name: "IX_Runs_ModelId_Status",
                table: "Runs",
                columns: new[] { "ModelId", "Status" });
        }
    }
}
