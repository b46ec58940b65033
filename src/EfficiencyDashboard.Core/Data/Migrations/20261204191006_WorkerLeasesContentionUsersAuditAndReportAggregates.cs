using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace EfficiencyDashboard.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class WorkerLeasesContentionUsersAuditAndReportAggregates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CreatedBy",
                table: "VariantJobs",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

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

            migrationBuilder.AddColumn<string>(
                name: "CreatedBy",
                table: "SuiteRuns",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

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

            migrationBuilder.AddColumn<string>(
                name: "CreatedBy",
                table: "Runs",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

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

            migrationBuilder.AddColumn<string>(
                name: "ActualProviders",
                table: "RunResults",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "CpuPackageEnergyJ",
                table: "RunResults",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CpuPackageEnergyNote",
                table: "RunResults",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EnergyScope",
                table: "RunResults",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "HostBusy",
                table: "RunResults",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "HostContention",
                table: "RunResults",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "HostContentionCores",
                table: "RunResults",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RunnerCores",
                table: "RunResults",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Architectures",
                table: "ReferenceDataVersions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "AddedBy",
                table: "Models",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Token = table.Column<string>(type: "TEXT", maxLength: 140, nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SubjectType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    SubjectId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEvents", x => x.Id);
                });

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

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ApiTokens",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SecretHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Prefix = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Scopes = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastUsedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApiTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "AspNetRoles",
                columns: new[] { "Id", "ConcurrencyStamp", "Name", "NormalizedName" },
                values: new object[,]
                {
                    { "admin", "admin", "admin", "ADMIN" },
                    { "analyst", "analyst", "analyst", "ANALYST" },
                    { "engineer", "engineer", "engineer", "ENGINEER" },
                    { "viewer", "viewer", "viewer", "VIEWER" }
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
                name: "IX_Runs_CreatedBy_Status",
                table: "Runs",
                columns: new[] { "CreatedBy", "Status" });

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

            migrationBuilder.CreateIndex(
                name: "IX_RunResults_LatencyP50Ms_RunId",
                table: "RunResults",
                columns: new[] { "LatencyP50Ms", "RunId" });

            migrationBuilder.CreateIndex(
                name: "IX_RunResults_ThroughputPerSecond_RunId",
                table: "RunResults",
                columns: new[] { "ThroughputPerSecond", "RunId" });

            migrationBuilder.CreateIndex(
                name: "IX_ApiTokens_SecretHash",
                table: "ApiTokens",
                column: "SecretHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApiTokens_UserId",
                table: "ApiTokens",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_AtUtc",
                table: "AuditEvents",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_SubjectType_SubjectId",
                table: "AuditEvents",
                columns: new[] { "SubjectType", "SubjectId" });

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

            // Earlier results say what their energy covers; a GPU run's RAPL joules were the CPU packages', not the GPU's:
            // they move to the CPU package figure and the run's energy becomes "not measured", as new runs record it.
            migrationBuilder.Sql("""
                UPDATE RunResults SET EnergyScope = CASE EnergySource
                    WHEN 'NvmlEnergyCounter' THEN 'GpuBoard' WHEN 'NvmlPowerIntegral' THEN 'GpuBoard' WHEN 'RaplPackage' THEN 'CpuPackage' ELSE 'None' END;
                UPDATE RunResults SET CpuPackageEnergyJ = TotalEnergyJ, CpuPackageEnergyNote = EnergyReason
                    WHERE EnergySource = 'RaplPackage';
                UPDATE RunResults SET EnergyPerInferenceJ = NULL, TotalEnergyJ = NULL, EnergySource = 'None', EnergyScope = 'None',
                    EnergyReason = 'GPU energy not measured: no NVML energy was read. The CPU package energy (RAPL) is recorded apart: it is the CPU''s, not the GPU''s.'
                    WHERE EnergySource = 'RaplPackage' AND ActualExecutionProvider <> 'Cpu';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApiTokens");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AuditEvents");

            migrationBuilder.DropTable(
                name: "CatalogBuilds");

            migrationBuilder.DropTable(
                name: "DailyBests");

            migrationBuilder.DropTable(
                name: "ReferenceArchitectures");

            migrationBuilder.DropTable(
                name: "SettingAggregates");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

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
                name: "IX_Runs_CreatedBy_Status",
                table: "Runs");

            migrationBuilder.DropIndex(
                name: "IX_Runs_LeaseOwner",
                table: "Runs");

            migrationBuilder.DropIndex(
                name: "IX_Runs_Status_LeaseExpiresAtUtc",
                table: "Runs");

            migrationBuilder.DropIndex(
                name: "IX_Runs_UpdatedAtUtc",
                table: "Runs");

            migrationBuilder.DropIndex(
                name: "IX_RunResults_LatencyP50Ms_RunId",
                table: "RunResults");

            migrationBuilder.DropIndex(
                name: "IX_RunResults_ThroughputPerSecond_RunId",
                table: "RunResults");

            migrationBuilder.DropColumn(
                name: "CreatedBy",
                table: "VariantJobs");

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
                name: "CreatedBy",
                table: "SuiteRuns");

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
                name: "CreatedBy",
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

            migrationBuilder.DropColumn(
                name: "ActualProviders",
                table: "RunResults");

            migrationBuilder.DropColumn(
                name: "CpuPackageEnergyJ",
                table: "RunResults");

            migrationBuilder.DropColumn(
                name: "CpuPackageEnergyNote",
                table: "RunResults");

            migrationBuilder.DropColumn(
                name: "EnergyScope",
                table: "RunResults");

            migrationBuilder.DropColumn(
                name: "HostBusy",
                table: "RunResults");

            migrationBuilder.DropColumn(
                name: "HostContention",
                table: "RunResults");

            migrationBuilder.DropColumn(
                name: "HostContentionCores",
                table: "RunResults");

            migrationBuilder.DropColumn(
                name: "RunnerCores",
                table: "RunResults");

            migrationBuilder.DropColumn(
                name: "Architectures",
                table: "ReferenceDataVersions");

            migrationBuilder.DropColumn(
                name: "AddedBy",
                table: "Models");
        }
    }
}
