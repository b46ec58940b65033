using EfficiencyDashboard.Web.Hosting;

namespace EfficiencyDashboard.Web.Tests.Workers;

public sealed class ProcessExitTests
{
    [Theory]
    [InlineData(139, "the runner process was killed by signal 11 (SIGSEGV)")]
    [InlineData(137, "the runner process was killed by signal 9 (SIGKILL: out of memory, or killed)")]
    [InlineData(134, "the runner process was killed by signal 6 (SIGABRT)")]
    [InlineData(1, "the runner process exited with code 1")]
    [InlineData(0, "the runner process exited with code 0")]
    public void A_childs_exit_status_is_said_in_words(int exitCode, string words) =>
        Assert.Equal(words, ProcessExit.Describe(exitCode, "the runner process"));
}
