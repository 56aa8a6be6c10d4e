using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HelloWork.Domain.Data.Configurations;

/// <summary>Stores a record as one JSON text column: the 求人票 and a jobseeker's wishes are read and written whole.</summary>
public static class Json
{
    // Japanese text is stored as UTF-8, not as \uXXXX escapes: the 求人票 column is about half the size.
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <remarks>
    /// The stored types are immutable records (init-only properties, read-only lists: <see cref="RequireImmutable"/> checks it when
    /// the model is built), so a value is changed only by putting a new one in its place. Change tracking relies on that: the
    /// snapshot taken when a row is read is the value itself, not a copy made by writing and reading the JSON again, and a value
    /// still the same object is unchanged without being written out twice to compare; a new object is compared by its JSON.
    /// Every operation that read an offer or a jobseeker paid for the copy and the comparisons (docs/BENCHMARKS.md, issue 26).
    /// </remarks>
    public static PropertyBuilder<T> AsJson<T>(this PropertyBuilder<T> property) where T : class, new()
    {
        RequireImmutable(typeof(T));
        property.HasConversion(
            v => Write(v),
            v => Read<T>(v) ?? new T(),
            ByValue<T>());
        return property;
    }

    /// <summary>An optional record as one JSON text column (null: no row value); EF never hands null to the converter.</summary>
    public static PropertyBuilder<T?> AsOptionalJson<T>(this PropertyBuilder<T?> property) where T : class
    {
        RequireImmutable(typeof(T));
        property.HasConversion(
            v => Write(v),
            v => Read<T>(v),
            ByValue<T>());
        return property;
    }

    /// <summary>The change tracking of an immutable stored value (see <see cref="AsJson{T}"/>): the snapshot is the value itself, the same
    /// object is equal without serialising, another is compared by its JSON.</summary>
    private static ValueComparer<T?> ByValue<T>() where T : class => new(
        (a, b) => ReferenceEquals(a, b) || Write(a) == Write(b),
        v => v == null ? 0 : Write(v).GetHashCode(StringComparison.Ordinal),
        v => v);

    /// <summary>A stored value's JSON. Public, as <see cref="Read{T}"/>, because the converters call them and the compiled models
    /// (Data/CompiledModels) hold the converters as code, which can reach only public members.</summary>
    public static string Write<T>(T? value) where T : class => JsonSerializer.Serialize(value, Options);

    /// <summary>A stored value from its JSON.</summary>
    public static T? Read<T>(string json) where T : class => JsonSerializer.Deserialize<T>(json, Options);

    /// <summary>Refuses, when the model is built, a stored type that could be changed in place: a property with a setter other than
    /// <c>init</c>, or a mutable collection, anywhere in the type or the domain types it holds (the snapshot is the value itself).</summary>
    internal static void RequireImmutable(Type type) => RequireImmutable(type, type.Name, []);

    private static void RequireImmutable(Type type, string path, HashSet<Type> seen)
    {
        // The runtime's own value types (DateOnly, decimal, Guid…) hold nothing that changes; every other type is looked into.
        if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type.IsValueType && type.Namespace == nameof(System) || !seen.Add(type))
        {
            return;
        }
        if (type.IsArray)
        {
            throw new InvalidOperationException($"{path}: an array can be changed in place; a JSON column holds immutable records only.");
        }
        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            if (definition == typeof(Nullable<>) || definition == typeof(IReadOnlyList<>) || definition == typeof(IReadOnlyCollection<>))
            {
                RequireImmutable(type.GetGenericArguments()[0], path, seen);
                return;
            }
            throw new InvalidOperationException($"{path}: {type.Name} can be changed in place; a JSON column holds immutable records only.");
        }
        foreach (var p in type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance))
        {
            if (p.SetMethod is { } set && !set.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit)))
            {
                throw new InvalidOperationException($"{path}.{p.Name} has a setter; a JSON column holds immutable records only (init).");
            }
            if (p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            {
                RequireImmutable(p.PropertyType, $"{path}.{p.Name}", seen);
            }
        }
    }
}
