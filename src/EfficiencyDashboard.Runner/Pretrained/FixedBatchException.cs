namespace EfficiencyDashboard.Runner.Pretrained;

/// <summary>A graph cannot take a batch size other than the one it fixes; the message says what in the graph prevents it.</summary>
public sealed class FixedBatchException(string message, Exception? inner = null) : Exception(message, inner);
