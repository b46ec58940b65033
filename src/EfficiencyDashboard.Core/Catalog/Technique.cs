using System.Text.Json.Serialization;

namespace EfficiencyDashboard.Core.Catalog;

/// <summary>The algorithm that derived a variant from its parent model.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Technique>))]
public enum Technique
{
    /// <summary>Weights and compute in half precision, casts at the inputs and outputs.</summary>
    [JsonStringEnumMemberName("fp16")]
    Fp16,

    /// <summary>Int8 weights of MatMul/Gemm with activations quantized at run time.</summary>
    [JsonStringEnumMemberName("int8-dynamic")]
    Int8Dynamic,

    /// <summary>QDQ int8 Conv/MatMul/Gemm with per-channel weights and calibrated activations.</summary>
    [JsonStringEnumMemberName("int8-static")]
    Int8Static,

    /// <summary>Whole channels, heads or neurons removed by weight magnitude: fewer parameters and MACs.</summary>
    [JsonStringEnumMemberName("pruned-structured")]
    PrunedStructured,

    /// <summary>Smallest weights set to zero: same dense compute, only sparse kernels could gain.</summary>
    [JsonStringEnumMemberName("pruned-unstructured")]
    PrunedUnstructured,

    /// <summary>A smaller student architecture trained to imitate a teacher.</summary>
    [JsonStringEnumMemberName("distilled")]
    Distilled,
}
