using EfficiencyDashboard.Core.Runs;
using EfficiencyDashboard.Runner.Execution;
using Microsoft.ML.OnnxRuntime;

namespace EfficiencyDashboard.Runner.Tests.Execution;

/// <summary>The measured loops must allocate nothing per query, or the garbage collector would show up in the latencies.</summary>
public sealed class MeasuredLoopAllocationTests(TinyModelFile model) : IClassFixture<TinyModelFile>
{
    private static readonly BenchmarkSettings Settings = new(ExecutionProvider.Cpu, 1, 0, 0, 0, IntraOpThreads: 1);

    [Fact]
    public void An_inference_allocates_nothing()
    {
        using var options = new SessionOptions { IntraOpNumThreads = 1 };
        using var session = PreparedSession.Open(model.Path, options, Settings, CancellationToken.None);
        session.Infer(CancellationToken.None);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 2_000; i++)
        {
            session.Infer(CancellationToken.None);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void The_single_stream_loop_allocates_only_its_result_buffers()
    {
        using var options = new SessionOptions { IntraOpNumThreads = 1 };
        using var session = PreparedSession.Open(model.Path, options, Settings, CancellationToken.None);
        const int queries = 5_000;

        var before = GC.GetAllocatedBytesForCurrentThread();
        var timings = BackToBackQueries.Run(session, Settings with { MinQueries = queries }, null, CancellationToken.None);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Two long[] buffers and their two trimmed copies: 32 bytes a query, plus a few objects.
        Assert.Equal(queries, timings.Count);
        Assert.InRange(allocated, 32L * queries, 32L * queries + 4_096);
    }

    [Fact]
    public void The_server_loop_allocates_only_its_result_buffers()
    {
        using var options = new SessionOptions { IntraOpNumThreads = 1 };
        using var session = PreparedSession.Open(model.Path, options, Settings, CancellationToken.None);
        const int queries = 5_000;
        var schedule = PoissonSchedule.Create(200_000, 0, queries, 1);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var timings = ServerQueries.Run(session, schedule, null, CancellationToken.None);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Latency, inference and arrival buffers: 24 bytes a query, plus the issuing thread and its signals.
        Assert.Equal(queries, timings.Count);
        Assert.InRange(allocated, 24L * queries, 24L * queries + 16_384);
    }
}
