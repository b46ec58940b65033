using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EfficiencyDashboard.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class CatalogAnalysisAndLineage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ClassifiedByEngineer",
                table: "Models",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "DefaultInputShapes",
                table: "Models",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Fidelity",
                table: "Models",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "FlopsPerSample",
                table: "Models",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "MacsPerSample",
                table: "Models",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "OperatorCounts",
                table: "Models",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "OperatorMacs",
                table: "Models",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "Opset",
                table: "Models",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "ParentId",
                table: "Models",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Producer",
                table: "Models",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReferenceQuality",
                table: "Models",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TeacherId",
                table: "Models",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Technique",
                table: "Models",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TechniqueParameters",
                table: "Models",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_Models_Family",
                table: "Models",
                column: "Family");

            migrationBuilder.CreateIndex(
                name: "IX_Models_ParentId",
                table: "Models",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_Models_TeacherId",
                table: "Models",
                column: "TeacherId");

            migrationBuilder.AddForeignKey(
                name: "FK_Models_Models_ParentId",
                table: "Models",
                column: "ParentId",
                principalTable: "Models",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Models_Models_TeacherId",
                table: "Models",
                column: "TeacherId",
                principalTable: "Models",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Models_Models_ParentId",
                table: "Models");

            migrationBuilder.DropForeignKey(
                name: "FK_Models_Models_TeacherId",
                table: "Models");

            migrationBuilder.DropIndex(
                name: "IX_Models_Family",
                table: "Models");

            migrationBuilder.DropIndex(
                name: "IX_Models_ParentId",
                table: "Models");

            migrationBuilder.DropIndex(
                name: "IX_Models_TeacherId",
                table: "Models");

            migrationBuilder.DropColumn(
                name: "ClassifiedByEngineer",
                table: "Models");

            migrationBuilder.DropColumn(
                name: "DefaultInputShapes",
                table: "Models");

            migrationBuilder.DropColumn(
                name: "Fidelity",
                table: "Models");

            migrationBuilder.DropColumn(
                name: "FlopsPerSample",
                table: "Models");

            migrationBuilder.DropColumn(
                name: "MacsPerSample",
                table: "Models");

            migrationBuilder.DropColumn(
                name: "OperatorCounts",
                table: "Models");

            migrationBuilder.DropColumn(
                name: "OperatorMacs",
                table: "Models");

            migrationBuilder.DropColumn(
                name: "Opset",
                table: "Models");

            migrationBuilder.DropColumn(
                name: "ParentId",
                table: "Models");

            migrationBuilder.DropColumn(
                name: "Producer",
                table: "Models");

            migrationBuilder.DropColumn(
                name: "ReferenceQuality",
                table: "Models");

            migrationBuilder.DropColumn(
                name: "TeacherId",
                table: "Models");

            migrationBuilder.DropColumn(
                name: "Technique",
                table: "Models");

            migrationBuilder.DropColumn(
                name: "TechniqueParameters",
                table: "Models");
        }
    }
}
