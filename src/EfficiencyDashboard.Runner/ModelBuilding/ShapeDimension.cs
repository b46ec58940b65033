namespace EfficiencyDashboard.Runner.ModelBuilding;

/// <summary>
/// One dimension of a declared graph input or output: a fixed size, or a symbolic name such as
/// "batch" or "sequence" that ONNX Runtime leaves dynamic.
/// </summary>
internal readonly record struct ShapeDimension(long Size, string? SymbolicName)
{
    public static implicit operator ShapeDimension(long size) => new(size, null);

    public static implicit operator ShapeDimension(string symbolicName) => new(-1, symbolicName);
}
