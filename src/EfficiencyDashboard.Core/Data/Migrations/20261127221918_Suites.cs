using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EfficiencyDashboard.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Suites : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "SuiteRunId",
                table: "Runs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SuiteRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    Phase = table.Column<string>(type: "TEXT", nullable: true),
                    PlannedRuns = table.Column<int>(type: "INTEGER", nullable: false),
                    Skipped = table.Column<string>(type: "TEXT", nullable: false),
                    Error = table.Column<string>(type: "TEXT", nullable: true),
                    JobId = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SuiteRuns", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Runs_SuiteRunId",
                table: "Runs",
                column: "SuiteRunId");

            migrationBuilder.CreateIndex(
                name: "IX_SuiteRuns_Name",
                table: "SuiteRuns",
                column: "Name");

            migrationBuilder.AddForeignKey(
                name: "FK_Runs_SuiteRuns_SuiteRunId",
                table: "Runs",
                column: "SuiteRunId",
                principalTable: "SuiteRuns",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Runs_SuiteRuns_SuiteRunId",
                table: "Runs");

            migrationBuilder.DropTable(
                name: "SuiteRuns");

            migrationBuilder.DropIndex(
                name: "IX_Runs_SuiteRunId",
                table: "Runs");

            migrationBuilder.DropColumn(
                name: "SuiteRunId",
                table: "Runs");
        }
    }
}
