using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelloWork.Domain.Data.Configurations;

/// <summary>Stores a record as one JSON text column: the 求人票 and a jobseeker's wishes are read and written whole.</summary>
internal static class Json
{
    // Japanese text is stored as UTF-8, not as \uXXXX escapes: the 求人票 column is about half the size.
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static PropertyBuilder<T> AsJson<T>(this PropertyBuilder<T> property) where T : class, new()
    {
        property.HasConversion(
            v => JsonSerializer.Serialize(v, Options),
            v => JsonSerializer.Deserialize<T>(v, Options) ?? new T(),
            new ValueComparer<T>(
                (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
                v => JsonSerializer.Serialize(v, Options).GetHashCode(StringComparison.Ordinal),
                v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Options), Options)!));
        return property;
    }

    /// <summary>An optional record as one JSON text column (null: no row value); EF never hands null to the converter.</summary>
    public static PropertyBuilder<T?> AsOptionalJson<T>(this PropertyBuilder<T?> property) where T : class
    {
        property.HasConversion(
            v => JsonSerializer.Serialize(v, Options),
            v => JsonSerializer.Deserialize<T>(v, Options),
            new ValueComparer<T?>(
                (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
                v => v == null ? 0 : JsonSerializer.Serialize(v, Options).GetHashCode(StringComparison.Ordinal),
                v => v == null ? null : JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Options), Options)));
        return property;
    }
}
