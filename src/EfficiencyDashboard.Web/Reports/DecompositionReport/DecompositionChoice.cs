namespace EfficiencyDashboard.Web.Reports.DecompositionReport;

/// <summary>An option of the page's pickers: the value its address uses and the label it shows.</summary>
public sealed record DecompositionChoice(string Value, string Label);
