namespace EfficiencyDashboard.Runner.Telemetry;

/// <summary>CPU package energy over the measured window, from RAPL.</summary>
/// <param name="EnergyJ">Joules used by all CPU packages; null when RAPL was not readable.</param>
/// <param name="Packages">Number of package domains read.</param>
/// <param name="Note">What was read, or "not readable: " and why.</param>
public sealed record RaplReading(double? EnergyJ, int Packages, string Note);
