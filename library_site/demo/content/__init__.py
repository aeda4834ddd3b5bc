"""Demo content written for library20, with its translations beside each English source string."""
