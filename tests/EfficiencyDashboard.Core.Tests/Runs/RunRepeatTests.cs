using System.Reflection;
using EfficiencyDashboard.Core.Catalog;
using EfficiencyDashboard.Core.Runs;

namespace EfficiencyDashboard.Core.Tests.Runs;

public sealed class RunRepeatTests
{
    /// <summary>What a repeat must not take over: its identity and its own execution. Any other property is a setting.</summary>
    private static readonly HashSet<string> ExecutionState =
    [
        nameof(Run.Id), nameof(Run.Model), nameof(Run.Result), nameof(Run.Status), nameof(Run.Phase), nameof(Run.PhaseDetail),
        nameof(Run.Progress), nameof(Run.ElapsedSeconds), nameof(Run.EtaSeconds), nameof(Run.QueriesCompleted), nameof(Run.Error),
        nameof(Run.CancelRequested), nameof(Run.Attempt), nameof(Run.ExecutedBy), nameof(Run.LeaseOwner), nameof(Run.LeaseExpiresAtUtc),
        nameof(Run.JobId), nameof(Run.RequeuedFromRunId), nameof(Run.HardwareId), nameof(Run.CreatedAtUtc), nameof(Run.StartedAtUtc),
        nameof(Run.FinishedAtUtc), nameof(Run.UpdatedAtUtc),
    ];

    private static IEnumerable<PropertyInfo> Properties => typeof(Run).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite);

    [Fact]
    public void A_repeat_keeps_every_setting_property_by_property()
    {
        var original = Filled();

        var repeat = Run.RepeatFor(original, 2, new DateTime(2026, 12, 4, 12, 0, 0, DateTimeKind.Utc));

        foreach (var property in Properties.Where(p => !ExecutionState.Contains(p.Name)))
        {
            var kept = property.GetValue(repeat);
            Assert.True(kept is Dictionary<string, int[]> shapes
                ? shapes.Count == original.InputShapes.Count && shapes.All(s => s.Value.SequenceEqual(original.InputShapes[s.Key]))
                : Equals(property.GetValue(original), kept), $"The repeat's {property.Name} is {kept}, not the original's {property.GetValue(original)}.");
        }
    }

    [Fact]
    public void A_repeat_starts_its_own_execution_linked_to_the_run_it_repeats()
    {
        var original = Filled();
        var now = new DateTime(2026, 12, 4, 12, 0, 0, DateTimeKind.Utc);

        var repeat = Run.RepeatFor(original, 2, now);

        Assert.Equal(0, repeat.Id);
        Assert.Equal(RunStatus.Queued, repeat.Status);
        Assert.Equal(RunPhase.Queued, repeat.Phase);
        Assert.Equal(2, repeat.Attempt);
        Assert.Equal(original.Id, repeat.RequeuedFromRunId);
        Assert.Equal(now, repeat.CreatedAtUtc);
        Assert.Null(repeat.LeaseOwner);
        Assert.Null(repeat.Error);
        Assert.Null(repeat.Result);
        Assert.Equal(0, repeat.Progress);
        Assert.NotSame(original.InputShapes, repeat.InputShapes);
        Assert.NotSame(original.InputShapes["input_ids"], repeat.InputShapes["input_ids"]);
    }

    /// <summary>A run with every property set to something other than its default.</summary>
    private static Run Filled()
    {
        var run = new Run { Device = "gpu0" };
        foreach (var property in Properties)
        {
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            object? value = type switch
            {
                _ when type == typeof(long) => 4242L,
                _ when type == typeof(int) => 7,
                _ when type == typeof(double) => 12.5,
                _ when type == typeof(bool) => true,
                _ when type == typeof(string) => $"{property.Name} value",
                _ when type == typeof(DateTime) => new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc),
                _ when type.IsEnum => Enum.GetValues(type).GetValue(Enum.GetValues(type).Length - 1),
                _ when type == typeof(Dictionary<string, int[]>) => new Dictionary<string, int[]> { ["input_ids"] = [1, 128] },
                _ when type == typeof(Model) => null,
                _ when type == typeof(RunResult) => null,
                _ => throw new InvalidOperationException($"Give the test a value for {property.Name} ({type.Name}) so it checks the repeat copies it."),
            };
            property.SetValue(run, value);
        }

        return run;
    }
}
