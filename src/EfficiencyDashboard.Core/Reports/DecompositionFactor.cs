namespace EfficiencyDashboard.Core.Reports;

/// <summary>The three things a configuration change can be credited to.</summary>
public enum DecompositionFactor
{
    /// <summary>The accelerator (or CPU) the model runs on, with its execution provider.</summary>
    Hardware,

    /// <summary>The technique applied to the model: quantization, pruning, distillation.</summary>
    Algorithm,

    /// <summary>The model architecture (ResNet, MobileNet, Transformer).</summary>
    Architecture,
}
