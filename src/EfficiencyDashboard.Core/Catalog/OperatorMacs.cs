namespace EfficiencyDashboard.Core.Catalog;

/// <summary>The multiply-accumulates one operator type performs per sample, at one precision.</summary>
/// <param name="OperatorType">The ONNX op type, such as "Conv", "MatMul" or "MatMulInteger".</param>
/// <param name="Precision">Element type of the operands, such as "float32", "float16" or "uint8 x int8" when they differ.</param>
/// <param name="Nodes">How many nodes of this type and precision the graph has.</param>
/// <param name="MacsPerSample">Multiply-accumulates per sample (one sample = one item of the batch).</param>
public sealed record OperatorMacs(string OperatorType, string Precision, int Nodes, long MacsPerSample);
