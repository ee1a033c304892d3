using System.Text.Json.Serialization;

namespace LittleRedDot.Server.Tests.Support;

/// <summary>The tests' own JSON shapes (reflection is off, as in the native binary).</summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
public sealed partial class RoomTestJson : JsonSerializerContext;
