using System.Text.Json.Serialization;

namespace LittleRedDot.Server.Http;

/// <summary>
/// The room's JSON shapes, generated at build time (NativeAOT: no reflection). Request bodies are read strictly:
/// a key given twice or a key the shape does not have is an error, never silently the last or ignored.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowDuplicateProperties = false,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(SubmitReply))]
[JsonSerializable(typeof(RoundRequest))]
[JsonSerializable(typeof(ReleaseRequest))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(long))]
public sealed partial class RoomJsonContext : JsonSerializerContext;
