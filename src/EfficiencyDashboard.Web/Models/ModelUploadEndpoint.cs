using EfficiencyDashboard.Web.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace EfficiencyDashboard.Web.Models;

/// <summary><c>POST /api/models</c>: multipart form with <c>file</c> (.onnx), and optional <c>name</c> and <c>inputShapes</c> (JSON).</summary>
internal static class ModelUploadEndpoint
{
    public static async Task<Results<Created<ModelView>, ValidationProblem>> UploadAsync(
        HttpRequest request, ModelUploads uploads, DataDirectory data, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) ||
            !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase) ||
            HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 } boundary)
        {
            return Invalid("file", "Send the model as multipart/form-data with a 'file' field holding the .onnx file.");
        }

        // The file part is staged to disk as it arrives, so fields may come before or after it.
        var staged = Path.Combine(data.Root, $"upload-{Guid.NewGuid():N}.part");
        try
        {
            var fields = new Dictionary<string, string>();
            string? fileName = null;
            var reader = new MultipartReader(boundary, request.Body);
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                {
                    continue;
                }

                var fieldName = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (disposition.IsFileDisposition() && fieldName == "file")
                {
                    fileName = HeaderUtilities.RemoveQuotes(disposition.FileName).Value ?? "upload.onnx";
                    await using var file = File.Create(staged);
                    await section.Body.CopyToAsync(file, cancellationToken);
                }
                else
                {
                    using var text = new StreamReader(section.Body);
                    fields[fieldName] = await text.ReadToEndAsync(cancellationToken);
                }
            }

            if (fileName is null)
            {
                return Invalid("file", "The form has no 'file' field with the .onnx file.");
            }

            var (shapes, shapeError) = ModelUploads.ParseShapes(fields.GetValueOrDefault("inputShapes"));
            if (shapeError is not null)
            {
                return Invalid("inputShapes", shapeError);
            }

            await using var content = File.OpenRead(staged);
            var (model, errors) = await uploads.AddAsync(content, fileName, fields.GetValueOrDefault("name"), shapes, cancellationToken);
            return model is null
                ? TypedResults.ValidationProblem(errors, title: "The model was not added to the catalog.")
                : TypedResults.Created($"/api/models/{model.Id}", ModelView.From(model));
        }
        finally
        {
            File.Delete(staged);
        }
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The model was not added to the catalog.");
}
