// The model is the vocabulary every stage speaks (parsing, validation, emitting, analyzers), and
// it holds the one home of the generated names (GeneratedNames).
global using DatoCms.ErrorCodes.Generators.Model;
