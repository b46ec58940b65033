namespace EfficiencyDashboard.Runner.ModelBuilding;

/// <summary>The non-linearity that follows a convolution + batch-norm pair.</summary>
internal enum Activation
{
    /// <summary>No activation: the projection convs that feed a residual add.</summary>
    None,

    /// <summary>ReLU, as in ResNet.</summary>
    Relu,

    /// <summary>ReLU clamped at 6, as in MobileNetV2.</summary>
    Relu6,
}
