namespace EfficiencyDashboard.Core.Catalog;

/// <summary>The architecture family a model belongs to; reports group by it.</summary>
public enum ModelFamily
{
    Other,
    ResNet,
    MobileNet,
    Transformer,

    /// <summary>Convolutional networks without residual connections or depthwise convolutions (AlexNet, VGG).</summary>
    ConvNet,

    /// <summary>Recurrent networks (LSTM, GRU): the text encoders before Transformers.</summary>
    Recurrent,
}
