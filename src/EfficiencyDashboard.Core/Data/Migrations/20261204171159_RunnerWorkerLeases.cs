using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EfficiencyDashboard.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class RunnerWorkerLeases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "LeaseExpiresAtUtc",
                table: "VariantJobs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LeaseOwner",
                table: "VariantJobs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "UpdatedAtUtc",
                table: "VariantJobs",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<DateTime>(
                name: "LeaseExpiresAtUtc",
                table: "SuiteRuns",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LeaseOwner",
                table: "SuiteRuns",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PlanningAttempts",
                table: "SuiteRuns",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Attempt",
                table: "Runs",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<double>(
                name: "ElapsedSeconds",
                table: "Runs",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "EtaSeconds",
                table: "Runs",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LeaseExpiresAtUtc",
                table: "Runs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LeaseOwner",
                table: "Runs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Phase",
                table: "Runs",
                type: "TEXT",
                nullable: false,
                defaultValue: "Queued");

            migrationBuilder.AddColumn<string>(
                name: "PhaseDetail",
                table: "Runs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "QueriesCompleted",
                table: "Runs",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "UpdatedAtUtc",
                table: "Runs",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.CreateTable(
                name: "CatalogBuilds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Done = table.Column<int>(type: "INTEGER", nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    Current = table.Column<string>(type: "TEXT", nullable: true),
                    Problems = table.Column<string>(type: "TEXT", nullable: false),
                    WorkerId = table.Column<string>(type: "TEXT", nullable: true),
                    StartedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CatalogBuilds", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_VariantJobs_Status_LeaseExpiresAtUtc",
                table: "VariantJobs",
                columns: new[] { "Status", "LeaseExpiresAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_VariantJobs_UpdatedAtUtc",
                table: "VariantJobs",
                column: "UpdatedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_SuiteRuns_Status_LeaseExpiresAtUtc",
                table: "SuiteRuns",
                columns: new[] { "Status", "LeaseExpiresAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Runs_LeaseOwner",
                table: "Runs",
                column: "LeaseOwner");

            migrationBuilder.CreateIndex(
                name: "IX_Runs_Status_LeaseExpiresAtUtc",
                table: "Runs",
                columns: new[] { "Status", "LeaseExpiresAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Runs_UpdatedAtUtc",
                table: "Runs",
                column: "UpdatedAtUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CatalogBuilds");

            migrationBuilder.DropIndex(
                name: "IX_VariantJobs_Status_LeaseExpiresAtUtc",
                table: "VariantJobs");

            migrationBuilder.DropIndex(
                name: "IX_VariantJobs_UpdatedAtUtc",
                table: "VariantJobs");

            migrationBuilder.DropIndex(
                name: "IX_SuiteRuns_Status_LeaseExpiresAtUtc",
                table: "SuiteRuns");

            migrationBuilder.DropIndex(
                name: "IX_Runs_LeaseOwner",
                table: "Runs");

            migrationBuilder.DropIndex(
                name: "IX_Runs_Status_LeaseExpiresAtUtc",
                table: "Runs");

            migrationBuilder.DropIndex(
                name: "IX_Runs_UpdatedAtUtc",
                table: "Runs");

            migrationBuilder.DropColumn(
                name: "LeaseExpiresAtUtc",
                table: "VariantJobs");

            migrationBuilder.DropColumn(
                name: "LeaseOwner",
                table: "VariantJobs");

            migrationBuilder.DropColumn(
                name: "UpdatedAtUtc",
                table: "VariantJobs");

            migrationBuilder.DropColumn(
                name: "LeaseExpiresAtUtc",
                table: "SuiteRuns");

            migrationBuilder.DropColumn(
                name: "LeaseOwner",
                table: "SuiteRuns");

            migrationBuilder.DropColumn(
                name: "PlanningAttempts",
                table: "SuiteRuns");

            migrationBuilder.DropColumn(
                name: "Attempt",
                table: "Runs");

            migrationBuilder.DropColumn(
                name: "ElapsedSeconds",
                table: "Runs");

            migrationBuilder.DropColumn(
                name: "EtaSeconds",
                table: "Runs");

            migrationBuilder.DropColumn(
                name: "LeaseExpiresAtUtc",
                table: "Runs");

            migrationBuilder.DropColumn(
                name: "LeaseOwner",
                table: "Runs");

            migrationBuilder.DropColumn(
                name: "Phase",
                table: "Runs");

            migrationBuilder.DropColumn(
                name: "PhaseDetail",
                table: "Runs");

            migrationBuilder.DropColumn(
                name: "QueriesCompleted",
                table: "Runs");

            migrationBuilder.DropColumn(
                name: "UpdatedAtUtc",
                table: "Runs");
        }
    }
}
