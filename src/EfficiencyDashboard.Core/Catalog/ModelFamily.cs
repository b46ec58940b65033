namespace EfficiencyDashboard.Core.Catalog;

/// <summary>The architecture family a model belongs to; reports group by it.</summary>
public enum ModelFamily
{
    Other,
    ResNet,
    MobileNet,
    Transformer,
}
