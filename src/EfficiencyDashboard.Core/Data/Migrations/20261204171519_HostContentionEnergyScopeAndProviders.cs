using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EfficiencyDashboard.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class HostContentionEnergyScopeAndProviders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                defaultValue: "None");

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
        }
    }
}
