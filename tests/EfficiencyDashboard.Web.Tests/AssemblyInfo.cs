// Each test class starts a real app host; Hangfire keeps process-wide state, and two cores cannot time two hosts
// fairly, so test classes run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
