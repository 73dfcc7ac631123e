"""The words of the interface (buttons, labels, messages) in the languages a brief can ask for.

English is complete; other languages translate what a visitor sees most, and fall back to
English for the rest. The runtime reads the same table (`AW.t`).
"""

from __future__ import annotations

ENGLISH = {
    "skip": "Skip to content", "menu": "Main", "home": "Home", "explore": "What you can do here",
    "why": "Why people use it", "visit": "Visit and contact", "where": "Where", "hours": "Opening hours",
    "contact": "Contact", "not_found": "Page not found", "not_found_text": "There is no page at this address.",
    "add": "Add", "save": "Save changes", "cancel": "Cancel", "confirm": "Confirm", "delete": "Delete",
    "edit": "Edit", "view": "View", "search": "Search", "all": "All", "sort": "Sort by", "newest": "Newest first",
    "oldest": "Oldest first", "previous": "Previous", "next": "Next", "page": "Page", "back": "Back to",
    "added": "added", "saved": "saved", "deleted": "deleted", "match": "match", "yes": "Yes", "no": "No",
    "like": "Like", "fix": "Please correct the highlighted fields.", "notfound": "not found",
    "add_to_cart": "Add to cart", "cart": "Cart", "checkout": "Checkout", "place_order": "Place order",
    "total": "Total", "quantity": "Quantity", "remove": "Remove", "order": "Order", "orders": "Orders",
    "book": "Book", "my_bookings": "My bookings", "print": "Print", "export_csv": "Export CSV",
    "name": "Name", "email": "Email", "message": "Message", "send": "Send", "comment": "Comment",
    "comments": "Comments", "post_comment": "Post comment", "date": "Date", "time": "Time", "read_more": "Read more",
}  # fmt: skip

_TRANSLATIONS = {
    "es": {
        "read_more": "Leer más",
        "skip": "Saltar al contenido", "menu": "Principal", "home": "Inicio", "explore": "Qué puedes hacer aquí",
        "why": "Por qué lo usan", "visit": "Visítanos", "where": "Dónde", "hours": "Horario", "contact": "Contacto",
        "not_found": "Página no encontrada", "not_found_text": "No hay ninguna página en esta dirección.",
        "add": "Añadir", "save": "Guardar cambios", "cancel": "Cancelar", "confirm": "Confirmar", "delete": "Eliminar",
        "edit": "Editar", "view": "Ver", "search": "Buscar", "all": "Todos", "sort": "Ordenar por",
        "add_to_cart": "Añadir al carrito", "cart": "Carrito", "checkout": "Pagar", "place_order": "Realizar pedido",
        "total": "Total", "quantity": "Cantidad", "book": "Reservar", "my_bookings": "Mis reservas", "name": "Nombre",
        "email": "Correo electrónico", "message": "Mensaje", "send": "Enviar", "comments": "Comentarios",
        "post_comment": "Publicar comentario", "date": "Fecha", "time": "Hora", "orders": "Pedidos", "order": "Pedido",
    },
    "fr": {
        "read_more": "Lire la suite",
        "skip": "Aller au contenu", "menu": "Principal", "home": "Accueil", "explore": "Ce que vous pouvez faire ici",
        "why": "Pourquoi nous choisir", "visit": "Nous trouver", "where": "Adresse", "hours": "Horaires",
        "contact": "Contact", "not_found": "Page introuvable", "not_found_text": "Aucune page à cette adresse.",
        "add": "Ajouter", "save": "Enregistrer", "cancel": "Annuler", "confirm": "Confirmer", "delete": "Supprimer",
        "edit": "Modifier", "view": "Voir", "search": "Rechercher", "all": "Tous", "sort": "Trier par",
        "add_to_cart": "Ajouter au panier", "cart": "Panier", "checkout": "Commander", "place_order": "Passer la commande",
        "total": "Total", "quantity": "Quantité", "book": "Réserver", "my_bookings": "Mes réservations", "name": "Nom",
        "email": "E-mail", "message": "Message", "send": "Envoyer", "comments": "Commentaires",
        "post_comment": "Publier", "date": "Date", "time": "Heure", "orders": "Commandes", "order": "Commande",
    },
    "pt": {
        "read_more": "Ler mais",
        "skip": "Saltar para o conteúdo", "menu": "Principal", "home": "Início", "explore": "O que pode fazer aqui",
        "why": "Porquê nós", "visit": "Visite-nos", "where": "Onde", "hours": "Horário", "contact": "Contacto",
        "not_found": "Página não encontrada", "not_found_text": "Não existe nenhuma página neste endereço.",
        "add": "Adicionar", "save": "Guardar", "cancel": "Cancelar", "confirm": "Confirmar", "delete": "Apagar",
        "edit": "Editar", "view": "Ver", "search": "Pesquisar", "all": "Todos", "sort": "Ordenar por",
        "add_to_cart": "Adicionar ao carrinho", "cart": "Carrinho", "checkout": "Finalizar compra",
        "place_order": "Fazer encomenda", "total": "Total", "quantity": "Quantidade", "book": "Reservar",
        "my_bookings": "As minhas reservas", "name": "Nome", "email": "Email", "message": "Mensagem", "send": "Enviar",
        "comments": "Comentários", "post_comment": "Publicar comentário", "date": "Data", "time": "Hora",
        "orders": "Encomendas", "order": "Encomenda",
    },
    "de": {
        "read_more": "Weiterlesen",
        "skip": "Zum Inhalt", "menu": "Hauptmenü", "home": "Startseite", "explore": "Was Sie hier tun können",
        "why": "Warum wir", "visit": "Besuchen Sie uns", "where": "Adresse", "hours": "Öffnungszeiten",
        "contact": "Kontakt", "not_found": "Seite nicht gefunden", "not_found_text": "Unter dieser Adresse gibt es keine Seite.",
        "add": "Hinzufügen", "save": "Speichern", "cancel": "Abbrechen", "confirm": "Bestätigen", "delete": "Löschen",
        "edit": "Bearbeiten", "view": "Ansehen", "search": "Suchen", "all": "Alle", "sort": "Sortieren nach",
        "add_to_cart": "In den Warenkorb", "cart": "Warenkorb", "checkout": "Zur Kasse", "place_order": "Bestellen",
        "total": "Summe", "quantity": "Menge", "book": "Buchen", "my_bookings": "Meine Buchungen", "name": "Name",
        "email": "E-Mail", "message": "Nachricht", "send": "Senden", "comments": "Kommentare",
        "post_comment": "Kommentieren", "date": "Datum", "time": "Uhrzeit", "orders": "Bestellungen", "order": "Bestellung",
    },
    "it": {
        "read_more": "Leggi di più",
        "skip": "Vai al contenuto", "menu": "Principale", "home": "Home", "explore": "Cosa puoi fare qui",
        "why": "Perché sceglierci", "visit": "Vieni a trovarci", "where": "Dove", "hours": "Orari", "contact": "Contatti",
        "not_found": "Pagina non trovata", "not_found_text": "Non c'è nessuna pagina a questo indirizzo.",
        "add": "Aggiungi", "save": "Salva", "cancel": "Annulla", "confirm": "Conferma", "delete": "Elimina",
        "edit": "Modifica", "view": "Vedi", "search": "Cerca", "all": "Tutti", "sort": "Ordina per",
        "add_to_cart": "Aggiungi al carrello", "cart": "Carrello", "checkout": "Cassa", "place_order": "Ordina",
        "total": "Totale", "quantity": "Quantità", "book": "Prenota", "my_bookings": "Le mie prenotazioni",
        "name": "Nome", "email": "Email", "message": "Messaggio", "send": "Invia", "comments": "Commenti",
        "post_comment": "Pubblica commento", "date": "Data", "time": "Ora", "orders": "Ordini", "order": "Ordine",
    },
}  # fmt: skip

# The quiz (features/quiz.js): one question at a time, a running score, a leaderboard.
QUIZ_ENGLISH = {
    "quiz.start": "Start quiz", "quiz.count": "{n} questions", "quiz.progress": "Question {k} of {n}",
    "score": "Score", "quiz.correct": "Correct!", "quiz.wrong": "Wrong — the answer is {answer}",
    "quiz.next": "Next question", "quiz.finish": "See my score", "quiz.restart": "Restart",
    "quiz.perfect": "perfect!", "your_name": "Your name", "save_score": "Save score", "leaderboard": "Leaderboard",
    "quiz.noscores": "No scores yet — be the first!", "quiz.saved": "Saved to the leaderboard.",
    "quiz.name_needed": "Please enter your name.",
}  # fmt: skip

_QUIZ_TRANSLATIONS = {
    "es": {
        "quiz.start": "Empezar el quiz", "quiz.count": "{n} preguntas", "quiz.progress": "Pregunta {k} de {n}",
        "score": "Puntuación", "quiz.correct": "¡Correcto!", "quiz.wrong": "Incorrecto — la respuesta es {answer}",
        "quiz.next": "Siguiente pregunta", "quiz.finish": "Ver mi puntuación", "quiz.restart": "Volver a empezar",
        "quiz.perfect": "¡perfecto!", "your_name": "Tu nombre", "save_score": "Guardar puntuación",
        "leaderboard": "Clasificación", "quiz.noscores": "Aún no hay puntuaciones: ¡sé el primero!",
        "quiz.saved": "Guardado en la clasificación.", "quiz.name_needed": "Escribe tu nombre.",
    },
    "fr": {
        "quiz.start": "Commencer le quiz", "quiz.count": "{n} questions", "quiz.progress": "Question {k} sur {n}",
        "score": "Score", "quiz.correct": "Correct !", "quiz.wrong": "Faux — la réponse est {answer}",
        "quiz.next": "Question suivante", "quiz.finish": "Voir mon score", "quiz.restart": "Recommencer",
        "quiz.perfect": "parfait !", "your_name": "Votre nom", "save_score": "Enregistrer le score",
        "leaderboard": "Classement", "quiz.noscores": "Pas encore de score : soyez le premier !",
        "quiz.saved": "Enregistré au classement.", "quiz.name_needed": "Indiquez votre nom.",
    },
    "pt": {
        "quiz.start": "Começar o quiz", "quiz.count": "{n} perguntas", "quiz.progress": "Pergunta {k} de {n}",
        "score": "Pontuação", "quiz.correct": "Certo!", "quiz.wrong": "Errado — a resposta é {answer}",
        "quiz.next": "Próxima pergunta", "quiz.finish": "Ver a minha pontuação", "quiz.restart": "Recomeçar",
        "quiz.perfect": "perfeito!", "your_name": "O seu nome", "save_score": "Guardar pontuação",
        "leaderboard": "Classificação", "quiz.noscores": "Ainda não há pontuações: seja o primeiro!",
        "quiz.saved": "Guardado na classificação.", "quiz.name_needed": "Escreva o seu nome.",
    },
    "de": {
        "quiz.start": "Quiz starten", "quiz.count": "{n} Fragen", "quiz.progress": "Frage {k} von {n}",
        "score": "Punkte", "quiz.correct": "Richtig!", "quiz.wrong": "Falsch — die Antwort ist {answer}",
        "quiz.next": "Nächste Frage", "quiz.finish": "Mein Ergebnis", "quiz.restart": "Neu starten",
        "quiz.perfect": "perfekt!", "your_name": "Ihr Name", "save_score": "Ergebnis speichern",
        "leaderboard": "Bestenliste", "quiz.noscores": "Noch keine Ergebnisse — seien Sie die erste Person!",
        "quiz.saved": "In der Bestenliste gespeichert.", "quiz.name_needed": "Bitte geben Sie Ihren Namen ein.",
    },
    "it": {
        "quiz.start": "Inizia il quiz", "quiz.count": "{n} domande", "quiz.progress": "Domanda {k} di {n}",
        "score": "Punteggio", "quiz.correct": "Giusto!", "quiz.wrong": "Sbagliato — la risposta è {answer}",
        "quiz.next": "Domanda successiva", "quiz.finish": "Vedi il punteggio", "quiz.restart": "Ricomincia",
        "quiz.perfect": "perfetto!", "your_name": "Il tuo nome", "save_score": "Salva il punteggio",
        "leaderboard": "Classifica", "quiz.noscores": "Ancora nessun punteggio: sii il primo!",
        "quiz.saved": "Salvato in classifica.", "quiz.name_needed": "Scrivi il tuo nome.",
    },
}  # fmt: skip

# The arithmetic drill (features/practice.js) and courses with progress (features/course-progress.js).
LEARNING_ENGLISH = {
    "practice.table": "Table", "practice.all": "All", "practice.start": "Start", "practice.answer": "Answer",
    "practice.check": "Check", "practice.streak": "Streak", "practice.best": "Best streak",
    "practice.correct": "Correct!", "practice.wrong": "Not quite: {sum} = {answer}",
    "practice.pick": "Pick a table, then press Start.", "practice.empty": "Type your answer as a number first.",
    "course.enroll": "Enroll", "course.enrolled": "Enrolled", "course.continue": "Continue", "course.progress": "Progress",
    "course.complete": "Mark as complete", "course.completed": "Completed", "course.undo": "Mark as not complete",
    "course.lessons": "{n} lessons", "course.tally": "{done} of {total} lessons complete", "course.mine": "My courses: {n}",
    "course.leave": "Leave course", "course.no_lessons": "No lessons yet.", "course.enrolled_in": "Enrolled in {course}.",
    "course.left": "You left {course}.",
}  # fmt: skip

_LEARNING_TRANSLATIONS = {
    "es": {
        "practice.table": "Tabla", "practice.all": "Todas", "practice.start": "Empezar", "practice.answer": "Respuesta",
        "practice.check": "Comprobar", "practice.streak": "Racha", "practice.best": "Mejor racha",
        "practice.correct": "¡Correcto!", "practice.wrong": "Casi: {sum} = {answer}",
        "practice.pick": "Elige una tabla y pulsa Empezar.", "practice.empty": "Escribe primero tu respuesta en número.",
        "course.enroll": "Inscribirme", "course.enrolled": "Inscrito", "course.continue": "Continuar",
        "course.progress": "Progreso", "course.complete": "Marcar como completada", "course.completed": "Completada",
        "course.undo": "Marcar como no completada", "course.lessons": "{n} lecciones",
        "course.tally": "{done} de {total} lecciones completadas", "course.mine": "Mis cursos: {n}",
        "course.leave": "Dejar el curso", "course.no_lessons": "Aún no hay lecciones.",
        "course.enrolled_in": "Inscrito en {course}.", "course.left": "Has dejado {course}.",
    },
    "fr": {
        "practice.table": "Table", "practice.all": "Toutes", "practice.start": "Commencer", "practice.answer": "Réponse",
        "practice.check": "Vérifier", "practice.streak": "Série", "practice.best": "Meilleure série",
        "practice.correct": "Correct !", "practice.wrong": "Pas tout à fait : {sum} = {answer}",
        "practice.pick": "Choisissez une table, puis Commencer.", "practice.empty": "Écrivez d'abord votre réponse en chiffres.",
        "course.enroll": "S'inscrire", "course.enrolled": "Inscrit", "course.continue": "Continuer",
        "course.progress": "Progression", "course.complete": "Marquer comme terminée", "course.completed": "Terminée",
        "course.undo": "Marquer comme non terminée", "course.lessons": "{n} leçons",
        "course.tally": "{done} leçons terminées sur {total}", "course.mine": "Mes cours : {n}",
        "course.leave": "Quitter le cours", "course.no_lessons": "Pas encore de leçon.",
        "course.enrolled_in": "Inscrit à {course}.", "course.left": "Vous avez quitté {course}.",
    },
    "pt": {
        "practice.table": "Tabuada", "practice.all": "Todas", "practice.start": "Começar", "practice.answer": "Resposta",
        "practice.check": "Verificar", "practice.streak": "Sequência", "practice.best": "Melhor sequência",
        "practice.correct": "Certo!", "practice.wrong": "Quase: {sum} = {answer}",
        "practice.pick": "Escolha uma tabuada e carregue em Começar.", "practice.empty": "Escreva primeiro a resposta em número.",
        "course.enroll": "Inscrever-me", "course.enrolled": "Inscrito", "course.continue": "Continuar",
        "course.progress": "Progresso", "course.complete": "Marcar como concluída", "course.completed": "Concluída",
        "course.undo": "Marcar como não concluída", "course.lessons": "{n} lições",
        "course.tally": "{done} de {total} lições concluídas", "course.mine": "Os meus cursos: {n}",
        "course.leave": "Sair do curso", "course.no_lessons": "Ainda não há lições.",
        "course.enrolled_in": "Inscrito em {course}.", "course.left": "Saiu de {course}.",
    },
    "de": {
        "practice.table": "Reihe", "practice.all": "Alle", "practice.start": "Start", "practice.answer": "Antwort",
        "practice.check": "Prüfen", "practice.streak": "Serie", "practice.best": "Beste Serie",
        "practice.correct": "Richtig!", "practice.wrong": "Nicht ganz: {sum} = {answer}",
        "practice.pick": "Wähle eine Reihe und drücke Start.", "practice.empty": "Gib zuerst eine Zahl ein.",
        "course.enroll": "Einschreiben", "course.enrolled": "Eingeschrieben", "course.continue": "Weiter",
        "course.progress": "Fortschritt", "course.complete": "Als erledigt markieren", "course.completed": "Erledigt",
        "course.undo": "Als nicht erledigt markieren", "course.lessons": "{n} Lektionen",
        "course.tally": "{done} von {total} Lektionen erledigt", "course.mine": "Meine Kurse: {n}",
        "course.leave": "Kurs verlassen", "course.no_lessons": "Noch keine Lektionen.",
        "course.enrolled_in": "Eingeschrieben in {course}.", "course.left": "{course} verlassen.",
    },
    "it": {
        "practice.table": "Tabellina", "practice.all": "Tutte", "practice.start": "Inizia", "practice.answer": "Risposta",
        "practice.check": "Controlla", "practice.streak": "Serie", "practice.best": "Serie migliore",
        "practice.correct": "Giusto!", "practice.wrong": "Non proprio: {sum} = {answer}",
        "practice.pick": "Scegli una tabellina, poi premi Inizia.", "practice.empty": "Scrivi prima la risposta in numero.",
        "course.enroll": "Iscriviti", "course.enrolled": "Iscritto", "course.continue": "Continua",
        "course.progress": "Avanzamento", "course.complete": "Segna come completata", "course.completed": "Completata",
        "course.undo": "Segna come non completata", "course.lessons": "{n} lezioni",
        "course.tally": "{done} di {total} lezioni completate", "course.mine": "I miei corsi: {n}",
        "course.leave": "Lascia il corso", "course.no_lessons": "Ancora nessuna lezione.",
        "course.enrolled_in": "Iscritto a {course}.", "course.left": "Hai lasciato {course}.",
    },
}  # fmt: skip

TIMER_ENGLISH = {
    "timer.title": "Focus timer", "timer.focus": "Focus", "timer.short_break": "Short break",
    "timer.long_break": "Long break", "timer.start": "Start", "timer.pause": "Pause", "timer.resume": "Resume",
    "timer.reset": "Reset", "timer.mode": "Mode", "timer.today": "Focus sessions today",
    "timer.finished": "time is up.",
    # the comment form and the mailing-list sign-up
    "your_name_optional": "Your name (optional)", "comment_needed": "Write a comment first.", "guest": "Guest",
    "subscribe": "Subscribe", "join_list": "Join the mailing list", "subscribed_as": "Subscribed as",
    "unsubscribe": "Unsubscribe", "unsubscribed": "You have been unsubscribed.",
    "already_subscribed": "That address is already on the list.",
    "thanks_subscribed": "Thanks for subscribing! We will write to",
    # the text counter
    "text.title": "Count words and characters", "text.label": "Text", "text.paste": "Type or paste your text here",
    "text.words": "Words", "text.characters": "Characters", "text.no_spaces": "Characters without spaces",
    "text.sentences": "Sentences", "text.paragraphs": "Paragraphs", "text.minutes": "Reading time (minutes)",
    "text.clear": "Clear",
}  # fmt: skip

_TIMER_TRANSLATIONS = {
    "es": {
        "text.title": "Cuenta palabras y caracteres", "text.label": "Texto", "text.paste": "Escribe o pega tu texto aquí",
        "text.words": "Palabras", "text.characters": "Caracteres", "text.no_spaces": "Caracteres sin espacios",
        "text.sentences": "Frases", "text.paragraphs": "Párrafos", "text.minutes": "Tiempo de lectura (minutos)", "text.clear": "Borrar",
        "timer.title": "Temporizador", "timer.focus": "Concentración", "timer.short_break": "Pausa corta",
        "timer.long_break": "Pausa larga", "timer.start": "Empezar", "timer.pause": "Pausa", "timer.resume": "Seguir",
        "timer.reset": "Reiniciar", "timer.mode": "Modo", "timer.today": "Sesiones de hoy", "timer.finished": "se acabó el tiempo.",
        "your_name_optional": "Tu nombre (opcional)", "comment_needed": "Escribe primero un comentario.", "guest": "Invitado",
        "subscribe": "Suscribirme", "join_list": "Únete a la lista de correo", "subscribed_as": "Suscrito como",
        "unsubscribe": "Darme de baja", "unsubscribed": "Te has dado de baja.",
        "already_subscribed": "Esa dirección ya está en la lista.", "thanks_subscribed": "¡Gracias por suscribirte! Escribiremos a",
    },
    "fr": {
        "text.title": "Compter les mots et les caractères", "text.label": "Texte", "text.paste": "Tapez ou collez votre texte ici",
        "text.words": "Mots", "text.characters": "Caractères", "text.no_spaces": "Caractères sans espaces",
        "text.sentences": "Phrases", "text.paragraphs": "Paragraphes", "text.minutes": "Temps de lecture (minutes)", "text.clear": "Effacer",
        "timer.title": "Minuteur", "timer.focus": "Concentration", "timer.short_break": "Pause courte",
        "timer.long_break": "Pause longue", "timer.start": "Démarrer", "timer.pause": "Pause", "timer.resume": "Reprendre",
        "timer.reset": "Réinitialiser", "timer.mode": "Mode", "timer.today": "Séances du jour", "timer.finished": "c'est terminé.",
        "your_name_optional": "Votre nom (facultatif)", "comment_needed": "Écrivez d'abord un commentaire.", "guest": "Invité",
        "subscribe": "S'abonner", "join_list": "Rejoindre la liste de diffusion", "subscribed_as": "Abonné avec",
        "unsubscribe": "Se désabonner", "unsubscribed": "Vous êtes désabonné.",
        "already_subscribed": "Cette adresse est déjà inscrite.", "thanks_subscribed": "Merci de votre abonnement ! Nous écrirons à",
    },
    "de": {
        "text.title": "Wörter und Zeichen zählen", "text.label": "Text", "text.paste": "Text hier eingeben oder einfügen",
        "text.words": "Wörter", "text.characters": "Zeichen", "text.no_spaces": "Zeichen ohne Leerzeichen",
        "text.sentences": "Sätze", "text.paragraphs": "Absätze", "text.minutes": "Lesezeit (Minuten)", "text.clear": "Leeren",
        "timer.title": "Fokus-Timer", "timer.focus": "Fokus", "timer.short_break": "Kurze Pause",
        "timer.long_break": "Lange Pause", "timer.start": "Start", "timer.pause": "Pause", "timer.resume": "Weiter",
        "timer.reset": "Zurücksetzen", "timer.mode": "Modus", "timer.today": "Fokus-Einheiten heute", "timer.finished": "die Zeit ist um.",
        "your_name_optional": "Ihr Name (optional)", "comment_needed": "Schreiben Sie zuerst einen Kommentar.", "guest": "Gast",
        "subscribe": "Abonnieren", "join_list": "Newsletter abonnieren", "subscribed_as": "Abonniert als",
        "unsubscribe": "Abbestellen", "unsubscribed": "Sie haben abbestellt.",
        "already_subscribed": "Diese Adresse steht schon auf der Liste.", "thanks_subscribed": "Danke fürs Abonnieren! Wir schreiben an",
    },
    "it": {
        "text.title": "Conta parole e caratteri", "text.label": "Testo", "text.paste": "Scrivi o incolla qui il tuo testo",
        "text.words": "Parole", "text.characters": "Caratteri", "text.no_spaces": "Caratteri senza spazi",
        "text.sentences": "Frasi", "text.paragraphs": "Paragrafi", "text.minutes": "Tempo di lettura (minuti)", "text.clear": "Cancella",
        "timer.title": "Timer", "timer.focus": "Concentrazione", "timer.short_break": "Pausa breve",
        "timer.long_break": "Pausa lunga", "timer.start": "Avvia", "timer.pause": "Pausa", "timer.resume": "Riprendi",
        "timer.reset": "Azzera", "timer.mode": "Modalità", "timer.today": "Sessioni di oggi", "timer.finished": "tempo scaduto.",
        "your_name_optional": "Il tuo nome (facoltativo)", "comment_needed": "Scrivi prima un commento.", "guest": "Ospite",
        "subscribe": "Iscriviti", "join_list": "Iscriviti alla mailing list", "subscribed_as": "Iscritto come",
        "unsubscribe": "Annulla iscrizione", "unsubscribed": "Iscrizione annullata.",
        "already_subscribed": "Questo indirizzo è già nella lista.", "thanks_subscribed": "Grazie per l'iscrizione! Scriveremo a",
    },
    "pt": {
        "text.title": "Contar palavras e caracteres", "text.label": "Texto", "text.paste": "Escreva ou cole aqui o seu texto",
        "text.words": "Palavras", "text.characters": "Caracteres", "text.no_spaces": "Caracteres sem espaços",
        "text.sentences": "Frases", "text.paragraphs": "Parágrafos", "text.minutes": "Tempo de leitura (minutos)", "text.clear": "Limpar",
        "timer.title": "Temporizador", "timer.focus": "Foco", "timer.short_break": "Pausa curta",
        "timer.long_break": "Pausa longa", "timer.start": "Iniciar", "timer.pause": "Pausa", "timer.resume": "Continuar",
        "timer.reset": "Repor", "timer.mode": "Modo", "timer.today": "Sessões de hoje", "timer.finished": "o tempo acabou.",
        "your_name_optional": "O seu nome (opcional)", "comment_needed": "Escreva primeiro um comentário.", "guest": "Convidado",
        "subscribe": "Subscrever", "join_list": "Junte-se à lista de correio", "subscribed_as": "Subscrito como",
        "unsubscribe": "Cancelar subscrição", "unsubscribed": "A sua subscrição foi cancelada.",
        "already_subscribed": "Esse endereço já está na lista.", "thanks_subscribed": "Obrigado por subscrever! Vamos escrever para",
    },
}  # fmt: skip

LANGUAGES = {"en": "English", "es": "Spanish", "fr": "French", "pt": "Portuguese", "de": "German", "it": "Italian"}


def words_for(language: str) -> dict[str, str]:
    """The interface words in `language`, English where it has no translation."""
    english = ENGLISH | QUIZ_ENGLISH | LEARNING_ENGLISH | TIMER_ENGLISH
    return (
        english
        | _TRANSLATIONS.get(language, {})
        | _QUIZ_TRANSLATIONS.get(language, {})
        | _LEARNING_TRANSLATIONS.get(language, {})
        | _TIMER_TRANSLATIONS.get(language, {})
    )
