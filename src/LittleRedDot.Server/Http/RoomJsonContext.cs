using System.Text.Json.Serialization;

namespace LittleRedDot.Server.Http;

/// <summary>The room's JSON shapes, generated at build time (NativeAOT: no reflection).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SubmitReply))]
[JsonSerializable(typeof(RoundRequest))]
[JsonSerializable(typeof(ReleaseRequest))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(long))]
public sealed partial class RoomJsonContext : JsonSerializerContext;
