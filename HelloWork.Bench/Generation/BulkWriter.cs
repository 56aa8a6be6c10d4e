using System.Data.Common;
using HelloWork.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HelloWork.Bench.Generation;

/// <summary>Something the load pipeline writes rows into.</summary>
public interface IRowSink
{
    string Table { get; }

    DbTransaction? Transaction { set; }

    void Insert(object?[] row);
}

/// <summary>
/// A prepared <c>INSERT</c> built from the EF model: the entity's table, its columns, each column's type mapping and value
/// converter (UTC ticks, JSON sheets, enums), so rows land exactly as EF would write them — without change tracking.
/// <see cref="ToRow"/> is thread-safe and runs on the producer thread; <see cref="Insert"/> runs on the writer.
/// </summary>
public sealed class BulkWriter<T> : IRowSink, IDisposable where T : class
{
    private readonly DbCommand _command;
    private readonly DbParameter[] _parameters;
    private readonly IProperty[] _properties;
    private readonly ValueConverter?[] _converters;

    public BulkWriter(HelloWorkDb db)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        Table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(Table, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        _properties = [.. entity.GetProperties()];
        _command = db.Database.GetDbConnection().CreateCommand();
        _parameters = new DbParameter[_properties.Length];
        _converters = new ValueConverter?[_properties.Length];
        for (var i = 0; i < _properties.Length; i++)
        {
            var mapping = (RelationalTypeMapping)_properties[i].GetRelationalTypeMapping();
            _parameters[i] = mapping.CreateParameter(_command, "p" + i, null, _properties[i].IsNullable);
            _command.Parameters.Add(_parameters[i]);
            _converters[i] = mapping.Converter;
        }
        _command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(Table, entity.GetSchema())} ("
            + string.Join(", ", _properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(store)!)))
            + ") VALUES (" + string.Join(", ", _parameters.Select(p => sql.GenerateParameterNamePlaceholder(p.ParameterName))) + ")";
    }

    public string Table { get; }

    public DbTransaction? Transaction
    {
        set => _command.Transaction = value;
    }

    public long Count { get; private set; }

    /// <summary>The entity's column values, converted to what the provider stores.</summary>
    public object?[] ToRow(T entity)
    {
        var row = new object?[_properties.Length];
        for (var i = 0; i < row.Length; i++)
        {
            var value = _properties[i].GetGetter().GetClrValueUsingContainingEntity(entity);
            row[i] = value is not null && _converters[i] is { } c ? c.ConvertToProvider(value) : value;
        }
        return row;
    }

    public void Insert(object?[] row)
    {
        for (var i = 0; i < row.Length; i++)
        {
            _parameters[i].Value = row[i] ?? DBNull.Value;
        }
        _command.ExecuteNonQuery();
        Count++;
    }

    public void Dispose() => _command.Dispose();
}
