using EfficiencyDashboard.Core.Catalog;

namespace EfficiencyDashboard.Web.Components.Models;

/// <summary>A model in the lineage tree, with its variants and distilled students beneath it.</summary>
/// <param name="Relation">How the model derives from the node above it: its technique, or "distilled student"; null for a root.</param>
public sealed record LineageNode(Model Model, string? Relation, IReadOnlyList<LineageNode> Children)
{
    /// <summary>Whether the tree shows the children; starts open so the whole lineage is visible.</summary>
    public bool Expanded { get; set; } = true;

    /// <summary>
    /// Roots are models derived from nothing; a variant sits under its parent, a distilled student under its teacher.
    /// A model whose parent or teacher is missing (or that would close a loop) becomes a root, so every model shows once.
    /// </summary>
    public static IReadOnlyList<LineageNode> Build(IReadOnlyList<Model> models)
    {
        var ids = models.Select(m => m.Id).ToHashSet();
        var above = models.ToDictionary(m => m.Id, m => Above(m, ids));
        var below = models
            .Where(m => above[m.Id] is not null)
            .ToLookup(m => above[m.Id]!.Value);
        var roots = models.Where(m => above[m.Id] is null || InLoop(m.Id, above)).ToList();
        var placed = new HashSet<int>();
        return [.. roots.Where(r => placed.Add(r.Id)).Select(r => Node(r, null, below, placed))];
    }

    private static int? Above(Model model, HashSet<int> ids) =>
        model.ParentId is { } parent && ids.Contains(parent) ? parent
        : model.TeacherId is { } teacher && ids.Contains(teacher) ? teacher
        : null;

    private static bool InLoop(int id, Dictionary<int, int?> above)
    {
        var seen = new HashSet<int> { id };
        for (var next = above[id]; next is { } current; next = above[current])
        {
            if (!seen.Add(current))
            {
                // A chain that leads into someone else's loop hangs below that loop.
                return current == id;
            }
        }

        return false;
    }

    private static LineageNode Node(Model model, string? relation, ILookup<int, Model> below, HashSet<int> placed)
    {
        var children = below[model.Id]
            .Where(child => placed.Add(child.Id))
            .OrderBy(child => child.Id)
            .Select(child => Node(child, RelationOf(child), below, placed))
            .ToList();
        return new LineageNode(model, relation, children);
    }

    private static string RelationOf(Model child) =>
        child.ParentId is null && child.TeacherId is not null ? "distilled student" : child.Technique?.ApiName() ?? "variant";
}
