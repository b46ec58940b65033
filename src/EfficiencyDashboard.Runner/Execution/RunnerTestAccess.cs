using System.Runtime.CompilerServices;

// The measured loops stay internal; their tests check allocation and timing directly.
[assembly: InternalsVisibleTo("EfficiencyDashboard.Runner.Tests")]
