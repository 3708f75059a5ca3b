global using DatoCms.ErrorCodes;
