// The names of the generated API (GeneratedNames) live in the generator assembly's model; this
// assembly sees them through InternalsVisibleTo, so both assemblies read one copy.
global using DatoCms.ErrorCodes.Generators.Model;
