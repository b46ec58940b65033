namespace EfficiencyDashboard.Runner.ModelBuilding;

/// <summary>
/// ViT-B/16 as timm's vit_base_patch16_224: 16x16 patch embedding, class token, learned
/// positions, 12 pre-norm encoder layers, final norm and a 1000-class head on the class token.
/// </summary>
internal static class VisionTransformerArchitecture
{
    private const int ImageSize = 224;
    private const int PatchSize = 16;
    private const int Hidden = 768;
    private const int Heads = 12;
    private const int FeedForward = 3072;
    private const int Layers = 12;
    private const int Classes = 1000;

    public static byte[] Build(int seed)
    {
        const int patches = ImageSize / PatchSize * (ImageSize / PatchSize);
        var graph = new OnnxGraphBuilder("vit_base_patch16_224", seed);
        var layers = new TransformerLayers(graph, Hidden, Heads, FeedForward, epsilon: 1e-6f);
        var image = graph.AddBatchedInput("input", 3, ImageSize, ImageSize);

        var x = PatchEmbedding(graph, image);
        var tokens = PrependClassToken(graph, x, image);
        var positions = graph.AddNormalInitializer("pos_embed", TransformerLayers.InitStd, 1, patches + 1, Hidden);
        x = graph.AddNode("Add", "pos_embed.add", [tokens, positions]);

        for (var i = 0; i < Layers; i++)
        {
            x = layers.PreNormEncoderLayer(x, $"blocks.{i}");
        }

        x = layers.LayerNorm(x, "norm");
        var classTokenIndex = graph.AddInt64Initializer("head.class_token_index", [0]);
        var classToken = graph.AddNode("Gather", "head.class_token", [x, classTokenIndex], OnnxGraphBuilder.Int("axis", 1));
        var weight = graph.AddNormalInitializer("head.weight", TransformerLayers.InitStd, Classes, Hidden);
        var bias = graph.AddInitializer("head.bias", new float[Classes], Classes);
        var logits = graph.AddNode("Gemm", "head", [classToken, weight, bias], OnnxGraphBuilder.Int("transB", 1));
        graph.Finish(logits, "logits", Classes);
        return graph.ToModelBytes();
    }

    /// <summary>A stride-16 16x16 conv cuts the image into patches; the grid is flattened to [batch, 196, 768].</summary>
    private static string PatchEmbedding(OnnxGraphBuilder graph, string image)
    {
        var weight = graph.AddNormalInitializer("patch_embed.proj.weight", TransformerLayers.InitStd, Hidden, 3, PatchSize, PatchSize);
        var bias = graph.AddInitializer("patch_embed.proj.bias", new float[Hidden], Hidden);
        var grid = graph.AddNode("Conv", "patch_embed.proj", [image, weight, bias],
            OnnxGraphBuilder.Ints("kernel_shape", PatchSize, PatchSize),
            OnnxGraphBuilder.Ints("strides", PatchSize, PatchSize));
        var flatShape = graph.AddInt64Initializer("patch_embed.flat_shape", [0, Hidden, -1], 3);
        var flat = graph.AddNode("Reshape", "patch_embed.flatten", [grid, flatShape]);
        return graph.AddNode("Transpose", "patch_embed.transpose", [flat], OnnxGraphBuilder.Ints("perm", 0, 2, 1));
    }

    /// <summary>Expands the learned class token to the batch and concatenates it in front of the patches.</summary>
    private static string PrependClassToken(OnnxGraphBuilder graph, string patches, string image)
    {
        var classToken = graph.AddNormalInitializer("cls_token", TransformerLayers.InitStd, 1, 1, Hidden);
        var batch = graph.AddNode("Shape", "cls_token.batch", [image], OnnxGraphBuilder.Int("start", 0), OnnxGraphBuilder.Int("end", 1));
        var tokenShape = graph.AddInt64Initializer("cls_token.token_shape", [1, Hidden], 2);
        var shape = graph.AddNode("Concat", "cls_token.shape", [batch, tokenShape], OnnxGraphBuilder.Int("axis", 0));
        var expanded = graph.AddNode("Expand", "cls_token.expand", [classToken, shape]);
        return graph.AddNode("Concat", "tokens", [expanded, patches], OnnxGraphBuilder.Int("axis", 1));
    }
}
