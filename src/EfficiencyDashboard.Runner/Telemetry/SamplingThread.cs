using System.Diagnostics;

namespace EfficiencyDashboard.Runner.Telemetry;

/// <summary>
/// A background thread that calls a sampling action on a fixed schedule (start + k x interval, so waits do not
/// accumulate drift) until stopped. A failing sample is skipped: telemetry must never end a measurement.
/// </summary>
internal sealed class SamplingThread(string name, TimeSpan interval, Action sample) : IDisposable
{
    private readonly ManualResetEventSlim _stop = new();
    private Thread? _thread;

    public void Start()
    {
        _stop.Reset();
        _thread = new Thread(Loop) { IsBackground = true, Name = name, Priority = ThreadPriority.AboveNormal };
        _thread.Start();
    }

    /// <summary>Stops the thread and waits for it, so no sample is taken after this returns.</summary>
    public void Stop()
    {
        _stop.Set();
        _thread?.Join();
        _thread = null;
    }

    public void Dispose()
    {
        Stop();
        _stop.Dispose();
    }

    private void Loop()
    {
        var intervalTicks = (long)(interval.TotalSeconds * Stopwatch.Frequency);
        var due = Stopwatch.GetTimestamp() + intervalTicks;
        while (true)
        {
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero && _stop.Wait(wait))
            {
                return;
            }

            if (_stop.IsSet)
            {
                return;
            }

            try
            {
                sample();
            }
            catch (Exception)
            {
                // A sample that fails (a driver hiccup, a /proc read race) is a missing point, not a failed run.
            }

            due += intervalTicks;
            var now = Stopwatch.GetTimestamp();
            if (now - due > intervalTicks)
            {
                // Fell more than an interval behind (machine overloaded): resume from now rather than sampling in a burst.
                due = now + intervalTicks;
            }
        }
    }
}
