namespace EfficiencyDashboard.Web.Models;

/// <summary>An engineer's correction of a model's family and task (<c>PATCH /api/models/{id}</c>).</summary>
/// <param name="Family">ResNet, MobileNet, Transformer, ConvNet, Recurrent or Other.</param>
/// <param name="Task">For example "image classification" or "text embedding".</param>
public sealed record ModelClassification(string? Family, string? Task);
