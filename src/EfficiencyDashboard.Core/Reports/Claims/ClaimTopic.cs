namespace EfficiencyDashboard.Core.Reports.Claims;

/// <summary>What a claim credits an efficiency gain to.</summary>
public enum ClaimTopic
{
    /// <summary>New accelerators.</summary>
    Hardware,

    /// <summary>Techniques applied to a model: quantization, pruning, distillation.</summary>
    Algorithm,

    /// <summary>Model architectures: Transformers, ResNet, MobileNet.</summary>
    Architecture,

    /// <summary>All causes together.</summary>
    Overall,
}
