namespace HelloWork.Domain; public static class Placeholder {}
