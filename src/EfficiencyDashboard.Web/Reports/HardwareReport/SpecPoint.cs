using EfficiencyDashboard.Core.ReferenceData;

namespace EfficiencyDashboard.Web.Reports.HardwareReport;

/// <summary>One accelerator's datasheet figure at its announcement month. Reference data.</summary>
public sealed record SpecPoint(string Accelerator, DateOnly AnnouncedMonth, double Value, DatasheetCheck Check, string Source);
