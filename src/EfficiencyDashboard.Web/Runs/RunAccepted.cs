using EfficiencyDashboard.Core.Runs;

namespace EfficiencyDashboard.Web.Runs;

public sealed record RunAccepted(long Id, RunStatus Status);
